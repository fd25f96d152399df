// Surveys: create and edit NPS / CSAT / CES surveys, invite contacts with personal links (and
// e-mail them through the outbox), and draw the QR code of the open link.
import QRCode from 'qrcode';
import { inTransaction, type Ctx } from '../../context.ts';
import type { ContactsTable, SurveyInvitesTable, SurveysTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { open, seal } from '../../lib/secret-box.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  DEFAULT_COMMENT_PROMPT,
  DEFAULT_QUESTIONS,
  type LocalizedText,
  type SurveyMetric,
} from '../../../shared/api/surveys.ts';
import { findContact } from '../clients/index.ts';
import { queueMessage } from '../messaging/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { scoreLinesOf } from './survey-links.ts';
import { surveyInviteUrl, surveyOpenUrl } from '../../lib/public-urls.ts';
import { ensureStageKeys } from '../stages/index.ts';
import { countInvitesOf, recordInvitesSent } from './invite-groups.ts';
import * as repo from './surveys.repo.ts';

export interface NewSurvey {
  name: string;
  metric: SurveyMetric;
  question?: LocalizedText;
  commentPrompt?: LocalizedText;
  stage?: string;
}

export async function createSurvey(ctx: Ctx, input: NewSurvey): Promise<SurveysTable> {
  assertCan(ctx.actor, 'data.write');
  const now = ctx.clock.now().toISOString();
  const row: SurveysTable = {
    id: newId(ctx.clock.now().getTime()),
    org_id: ctx.orgId,
    name: input.name,
    metric: input.metric,
    question: JSON.stringify(input.question ?? DEFAULT_QUESTIONS[input.metric]),
    comment_prompt: JSON.stringify(input.commentPrompt ?? DEFAULT_COMMENT_PROMPT),
    stage: input.stage ?? null,
    status: 'active',
    open_token: randomToken(32),
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertSurvey(tx.db, row);
    await ensureStageKeys(tx, [row.stage]);
    await recordAudit(tx, 'survey.created', { type: 'survey', id: row.id }, { metric: row.metric });
  });
  return row;
}

export async function getSurvey(ctx: Ctx, id: string): Promise<SurveysTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getSurvey(ctx.db, ctx.orgId, id);
}

export async function listSurveys(ctx: Ctx, q: { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listSurveys(ctx.db, ctx.orgId, {
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}

export interface SurveyPatch {
  name?: string;
  question?: LocalizedText;
  commentPrompt?: LocalizedText;
  stage?: string | null;
  status?: 'active' | 'closed';
}

export async function updateSurvey(
  ctx: Ctx,
  id: string,
  patch: SurveyPatch,
): Promise<SurveysTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getSurvey(tx.db, tx.orgId, id);
    const changes: Partial<SurveysTable> = { updated_at: tx.clock.now().toISOString() };
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.question !== undefined) changes.question = JSON.stringify(patch.question);
    if (patch.commentPrompt !== undefined)
      changes.comment_prompt = JSON.stringify(patch.commentPrompt);
    if (patch.stage !== undefined) changes.stage = patch.stage;
    if (patch.status !== undefined) changes.status = patch.status;
    // Its invitations leave the old stage's response rate counts for the new one's (ADR 018).
    const restaged = changes.stage !== undefined && changes.stage !== current.stage;
    if (restaged) await countInvitesOf(tx, { surveyId: id }, -1);
    await repo.updateSurvey(tx.db, tx.orgId, id, changes);
    if (restaged) await countInvitesOf(tx, { surveyId: id }, 1);
    await ensureStageKeys(tx, [changes.stage]);
    await recordAudit(tx, 'survey.updated', { type: 'survey', id }, { fields: Object.keys(patch) });
    return { ...current, ...changes };
  });
}

export async function surveyQrSvg(ctx: Ctx, id: string): Promise<string> {
  const survey = await getSurvey(ctx, id);
  return QRCode.toString(surveyOpenUrl(ctx.config, survey.open_token), {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}

export interface InviteView {
  invite: SurveyInvitesTable;
  contact: ContactsTable | undefined;
  /** The link's token: kept as SHA-256 (lookup) and sealed (this list), never in plain. */
  token: string;
}

/**
 * One personal link per contact, all or nothing: an unknown contact id fails the whole request
 * before anything is written. With `send`, each contact with an e-mail address gets the
 * invitation in their language, queued in the same transaction (so never for a rolled-back invite).
 */
export async function createInvites(
  ctx: Ctx,
  surveyId: string,
  input: { contactIds: string[]; send: boolean },
): Promise<{ items: InviteView[]; queued: number }> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const survey = await repo.getSurvey(tx.db, tx.orgId, surveyId);
    if (survey.status !== 'active')
      throw new AppError('conflict', 'The survey is closed; reopen it to invite contacts');
    const ids = [...new Set(input.contactIds)];
    const contacts = await Promise.all(ids.map((id) => findContact(tx, id)));
    const unknown = ids.filter((_, i) => !contacts[i]);
    if (unknown.length) {
      // Another organisation's contact is refused exactly like one that exists nowhere.
      throw new AppError('not_found', 'Some contacts do not exist', {
        invalidParams: unknown.map((id) => ({
          name: `body.contactIds.${input.contactIds.indexOf(id)}`,
          reason: 'no such contact',
        })),
      });
    }
    const now = tx.clock.now();
    const items: InviteView[] = [];
    for (const contact of contacts) {
      const token = randomToken(32);
      items.push({
        contact,
        token,
        invite: {
          id: newId(now.getTime()),
          org_id: tx.orgId,
          survey_id: survey.id,
          contact_id: contact!.id,
          token_hash: sha256(token),
          token_enc: await seal(tx, 'survey_invite', token),
          feedback_id: null,
          answered_at: null,
          expires_at: null,
          created_at: now.toISOString(),
        },
      });
    }
    await repo.insertInvites(
      tx.db,
      items.map((i) => i.invite),
    );
    await recordInvitesSent(
      tx,
      items.map((i) => i.invite.id),
    );
    let queued = 0;
    if (input.send) {
      for (const { invite, contact, token } of items) {
        if (!contact?.email) continue;
        // Not queued for a contact on the unsubscribe list (the outbox skips it).
        if (await queueInviteMail(tx, survey, invite, token, contact)) queued += 1;
      }
    }
    await recordAudit(
      tx,
      'survey.invited',
      { type: 'survey', id: survey.id },
      { invites: items.length, queued },
    );
    return { items, queued };
  });
}

async function queueInviteMail(
  tx: Ctx,
  survey: SurveysTable,
  invite: SurveyInvitesTable,
  token: string,
  contact: ContactsTable,
): Promise<boolean> {
  const lang = contact.language;
  const url = surveyInviteUrl(tx.config, token);
  const id = await queueMessage(tx, {
    kind: 'survey_invite',
    to: contact.email!,
    language: lang,
    vars: {
      name: contact.name,
      question: (JSON.parse(survey.question) as LocalizedText)[lang],
      surveyUrl: url,
      scoreLinks: scoreLinesOf(survey.metric, url, lang),
    },
    contactId: contact.id,
    clientId: contact.client_id,
    dedupeKey: `invite:${invite.id}`,
  });
  return id !== undefined;
}

export async function listInvites(
  ctx: Ctx,
  surveyId: string,
  q: { cursor?: string; limit: number },
) {
  // The personal links answer as the client: only those who may send them see them (issue 19).
  assertCan(ctx.actor, 'data.write');
  await repo.getSurvey(ctx.db, ctx.orgId, surveyId);
  const page = toPage(
    await repo.listInvites(ctx.db, ctx.orgId, surveyId, {
      beforeId: decodeCursor(q.cursor),
      limit: q.limit,
    }),
    q.limit,
  );
  const contacts = new Map<string, ContactsTable | undefined>();
  const items: InviteView[] = [];
  for (const invite of page.items) {
    if (!contacts.has(invite.contact_id))
      contacts.set(invite.contact_id, await findContact(ctx, invite.contact_id));
    const token = invite.token_enc ? await open(ctx, 'survey_invite', invite.token_enc) : '';
    items.push({ invite, contact: contacts.get(invite.contact_id), token });
  }
  return {
    items,
    nextCursor: page.nextCursor,
  };
}
