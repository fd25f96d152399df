// Cases: opened by rules from feedback or by hand, moved through the status machine, resolved
// with a closing message to the client. Every change is an event in the case's timeline.
import { inTransaction, type Ctx } from '../../context.ts';
import type {
  CasesTable,
  CaseStatus,
  CaseType,
  ContactsTable,
  FeedbackTable,
  Priority,
} from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { decodeKeyCursor, toKeyPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findClient, findContact } from '../clients/index.ts';
import { queueMessage, type QueueMessageInput } from '../messaging/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { ensureStageKeys } from '../stages/index.ts';
import { emitCaseEvent } from './case-events.ts';
import { assertCaseListReferences } from './case-list-references.ts';
import { personOf, tellPeople } from './case-notices.ts';
import * as repo from './cases.repo.ts';
import { notifyOwner, recordRouting, routeCase } from './routing.ts';
import type { CaseRule } from './rules.ts';
import { newCaseRow, ruleCase, slaTimerJobs, type NewCase } from './case-rows.ts';
import { dueTimesFor } from './sla-policies.ts';
import { canTransition, OPEN_STATUSES } from './status-machine.ts';
import { requestStatusMessage } from './status-message.ts';
import { codeForResolution, codeName, codeNamesByKey } from './resolution-codes.ts';
import { tagsOf, withTags } from './case-tags.ts';
import { rateUrl, statusUrl } from '../../lib/public-urls.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';

async function insertNewCase(tx: Ctx, input: NewCase): Promise<CasesTable> {
  const now = tx.clock.now();
  const row = newCaseRow(tx, input, await dueTimesFor(tx, input.priority, now), now);
  await repo.insertCase(tx.db, row);
  await emitCaseEvent(tx, row, { kind: 'opened', toStatus: 'new', body: input.openedBy });
  await tx.jobs.enqueueMany(tx.db, slaTimerJobs(row));
  return row;
}

/**
 * Opens a rule's case in the intake transaction (the feedback's public ref), routed to an owner
 * whose mail joins `mails`, for the caller to queue with the group's other messages.
 */
export async function openCaseForFeedback(
  tx: Ctx,
  feedback: FeedbackTable,
  rule: CaseRule,
  mails: QueueMessageInput[],
): Promise<CasesTable> {
  const routed = await routeCase(tx, { clientId: feedback.client_id, stage: feedback.stage });
  const row = await insertNewCase(tx, ruleCase(feedback, rule, routed.owner?.id ?? null));
  await recordRouting(tx, row, routed, mails);
  return row;
}

export async function openCase(
  ctx: Ctx,
  input: Omit<NewCase, 'openedBy' | 'publicRef'>,
): Promise<CasesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    // Every id in the body must name a row of this organisation: another organisation's id is
    // refused exactly like one that exists nowhere (and never reaches a foreign key as a 500).
    if (input.ownerId && !(await findOrgUser(tx, input.ownerId))) throw ownerUnknown();
    if (input.clientId && !(await findClient(tx, input.clientId)))
      throw unknownReference('body.clientId', 'client');
    if (input.contactId && !(await findContact(tx, input.contactId)))
      throw unknownReference('body.contactId', 'contact');
    await ensureStageKeys(tx, [input.stage]);
    const row = await insertNewCase(tx, { ...input, openedBy: tx.actor.type });
    // Opened straight onto someone else's desk: they hear about it like a hand-over.
    if (input.ownerId && input.ownerId !== tx.actor.id)
      await tellPeople(tx, [assignedNotice(tx, row.id, input.ownerId)]);
    // The case's reference in the details, so the audit log names it ("CL-…") and links to it.
    await recordAudit(tx, 'case.opened', { type: 'case', id: row.id }, { ref: row.public_ref });
    return row;
  });
}

const assignedNotice = (tx: Ctx, caseId: string, userId: string) =>
  ({ kind: 'case_assigned', caseId, userId, actorId: personOf(tx) }) as const;

const ownerUnknown = () => unknownReference('body.ownerId', 'user');

/** When the acknowledgement reached the client's mail server, a new case becomes acknowledged. */
export async function acknowledgeCase(
  tx: Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>,
  caseId: string,
): Promise<void> {
  const row = await repo.findCase(tx.db, tx.orgId, caseId);
  if (!row || row.status !== 'new') return;
  const at = tx.clock.now().toISOString();
  await repo.updateCase(tx.db, tx.orgId, caseId, { status: 'acknowledged', updated_at: at });
  await emitCaseEvent(
    { ...tx, actor: { type: 'system', id: null, orgId: tx.orgId, role: 'admin' } },
    { ...row, status: 'acknowledged' },
    {
      kind: 'status',
      fromStatus: 'new',
      toStatus: 'acknowledged',
      body: 'acknowledgement delivered',
    },
  );
}

export interface CasePatch {
  status?: CaseStatus;
  ownerId?: string | null;
  priority?: Priority;
  resolution?: string;
  /** The resolution code's key: required when resolving once the organisation has active codes. */
  resolutionCode?: string;
  followup?: boolean;
  note?: string;
  /** Tags the case gets (added to its set; issue 21). */
  addTags?: string[];
}

/** `notify: false`: a resolution without the closing message to the client (bulk resolve). */
export async function updateCase(
  ctx: Ctx,
  id: string,
  patch: CasePatch,
  opts: { notify?: boolean } = {},
): Promise<CasesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getCase(tx.db, tx.orgId, id);
    const now = tx.clock.now().toISOString();
    const set: Partial<CasesTable> = { updated_at: now };
    if (patch.status && patch.status !== current.status) {
      if (!canTransition(current.status, patch.status)) {
        throw new AppError(
          'invalid_transition',
          `A case cannot go from ${current.status} to ${patch.status}`,
        );
      }
      set.status = patch.status;
      if (!current.first_responded_at && tx.actor.type !== 'system') set.first_responded_at = now;
      if (patch.status === 'resolved') set.resolved_at = now;
      if (patch.status === 'closed') set.closed_at = now;
      if (patch.status === 'in_progress' && current.status === 'resolved') {
        set.resolved_at = null;
        set.resolution_code = null;
      }
    }
    if (patch.resolutionCode !== undefined && set.status !== 'resolved')
      throw new AppError('unprocessable', 'A resolution code goes with status resolved', {
        invalidParams: [{ name: 'body.resolutionCode', reason: 'only when resolving' }],
      });
    const code =
      set.status === 'resolved' ? await codeForResolution(tx, patch.resolutionCode) : null;
    if (set.status === 'resolved') set.resolution_code = code?.key ?? null;
    const tags = patch.addTags ? withTags(tagsOf(current), patch.addTags) : undefined;
    if (tags) set.tags = JSON.stringify(tags);
    const newOwner = patch.ownerId ? await findOrgUser(tx, patch.ownerId) : undefined;
    if (patch.ownerId && !newOwner) throw ownerUnknown();
    if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
    if (patch.priority) set.priority = patch.priority;
    if (patch.resolution !== undefined) set.resolution = patch.resolution;
    if (patch.followup !== undefined) set.followup_requested = patch.followup ? 1 : 0;
    await repo.updateCase(tx.db, tx.orgId, id, set);
    const next = { ...current, ...set };

    if (set.status)
      await emitCaseEvent(tx, next, {
        kind: 'status',
        fromStatus: current.status,
        toStatus: set.status,
        body: patch.resolution ?? null,
      });
    if (patch.ownerId !== undefined && patch.ownerId !== current.owner_id) {
      await emitCaseEvent(tx, next, { kind: 'assigned', body: patch.ownerId });
      // Someone else handed the case over: the new owner hears about it.
      if (newOwner && newOwner.id !== tx.actor.id) {
        await notifyOwner(tx, next, newOwner, null);
        await tellPeople(tx, [assignedNotice(tx, next.id, newOwner.id)]);
      }
    }
    if (patch.priority && patch.priority !== current.priority)
      await emitCaseEvent(tx, next, { kind: 'priority', body: patch.priority });
    if (code)
      await emitCaseEvent(tx, next, {
        kind: 'resolution_code',
        body: code.key,
        timelineOnly: true,
      });
    for (const tag of tags ?? [])
      if (!tagsOf(current).includes(tag))
        await emitCaseEvent(tx, next, { kind: 'tagged', body: tag });
    if (patch.note) await emitCaseEvent(tx, next, { kind: 'note', body: patch.note });
    if (set.status === 'resolved' && opts.notify !== false) await sendClosingMessage(tx, next);
    if (set.status) await requestStatusMessage(tx, next);
    await recordAudit(
      tx,
      'case.updated',
      { type: 'case', id },
      { ref: current.public_ref, fields: Object.keys(patch) },
    );
    return next;
  });
}

async function sendClosingMessage(tx: Ctx, c: CasesTable): Promise<void> {
  const contact: ContactsTable | undefined = c.contact_id
    ? await findContact(tx, c.contact_id)
    : undefined;
  if (!contact?.email) return;
  await queueMessage(tx, {
    kind: 'closing',
    to: contact.email,
    language: contact.language,
    vars: {
      name: contact.name,
      ref: c.public_ref,
      statusUrl: statusUrl(tx.config, c.public_ref),
      resolution: c.resolution ?? (await resolutionWords(tx, c, contact.language)),
      followupUrl: c.followup_requested
        ? followupLine(contact.language, rateUrl(tx.config, c.public_ref))
        : '',
    },
    caseId: c.id,
    feedbackId: c.feedback_id,
    contactId: contact.id,
    clientId: c.client_id,
    // One closing message per resolution (a reopened and re-resolved case gets a new one).
    dedupeKey: `closing:${c.id}:${c.resolved_at}`,
  });
}

/** Without a written resolution the client reads the code's name in their language. */
async function resolutionWords(tx: Ctx, c: CasesTable, language: Language): Promise<string> {
  const code = c.resolution_code ? (await codeNamesByKey(tx)).get(c.resolution_code) : undefined;
  return code ? codeName(code, language) : '';
}

function followupLine(language: Language, url: string): string {
  return t(language, 'mail.followupLine', { url });
}

export async function getCase(ctx: Ctx, id: string): Promise<CasesTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getCase(ctx.db, ctx.orgId, id);
}

export async function listCaseEvents(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'data.read');
  await repo.getCase(ctx.db, ctx.orgId, id);
  return repo.listEvents(ctx.db, ctx.orgId, id);
}

/** A query string's instant as the database compares it (UTC ISO). */
const iso = (at: string | undefined) => (at ? new Date(at).toISOString() : undefined);

export async function listCases(
  ctx: Ctx,
  q: {
    status?: CaseStatus[];
    open?: boolean;
    ownerId?: string;
    clientId?: string;
    stage?: string;
    resolvedFrom?: string;
    resolvedTo?: string;
    resolutionCode?: string;
    tag?: string;
    openedFrom?: string;
    openedTo?: string;
    breachedFrom?: string;
    breachedTo?: string;
    cursor?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'data.read');
  await assertCaseListReferences(ctx, q);
  const rows = await repo.listCases(ctx.db, ctx.orgId, {
    status: q.status ?? (q.open ? [...OPEN_STATUSES] : undefined),
    ownerId: q.ownerId,
    clientId: q.clientId,
    stage: q.stage,
    resolvedFrom: iso(q.resolvedFrom),
    resolvedTo: iso(q.resolvedTo),
    resolutionCode: q.resolutionCode,
    tag: q.tag,
    openedFrom: iso(q.openedFrom),
    openedTo: iso(q.openedTo),
    breachedFrom: iso(q.breachedFrom),
    breachedTo: iso(q.breachedTo),
    before: decodeKeyCursor(q.cursor),
    limit: q.limit,
  });
  return toKeyPage(rows, q.limit, (r) => r.created_at);
}
