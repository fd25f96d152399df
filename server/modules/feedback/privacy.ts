// The feedback module's part of the data-subject rights (issue 19): a contact's records in its
// export, their texts removed on erasure (scores, stages and times stay, so every rollup reads the
// same), the admins' deletion of a record (the score rollup and the modules above follow), and
// a client with records is not deleted.
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { FeedbackTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ContactErasing, ContactExporting } from '../clients/index.ts';
import { clientInUse } from '../clients/index.ts';
import { detachFeedbackFromCases } from '../cases/index.ts';
import { eraseMessagesAbout } from '../messaging/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { feedbackDeleted } from './feedback-recorded.ts';
import { recordScoreMonths } from './score-months.ts';

const present = (f: FeedbackTable) => ({
  id: f.id,
  publicRef: f.public_ref,
  channel: f.channel,
  stage: f.stage,
  scoreType: f.score_type,
  score: f.score_value,
  text: f.text,
  language: f.language,
  sentiment: f.sentiment_label,
  topics: JSON.parse(f.topics) as string[],
  caseId: f.case_id,
  receivedAt: f.received_at,
  acknowledgedAt: f.acknowledged_at,
});

export async function exportFeedback(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = await s.db
    .selectFrom('feedback')
    .selectAll()
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .orderBy('received_at')
    .execute();
  e.sections.push({
    key: 'feedback',
    title: { ru: 'Отзывы', en: 'Feedback' },
    items: rows.map(present),
  });
}

/** Texts and the raw request of the contact's records go; the analysis stays (an aggregate). */
export async function eraseFeedback(s: Ctx, e: ContactErasing): Promise<void> {
  const ids = await s.db
    .selectFrom('feedback')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .execute();
  await eraseMessagesAbout(s, { feedbackIds: ids.map((r) => r.id) });
  const res = await s.db
    .updateTable('feedback')
    .set({ text: null, raw: null })
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .where((w) => w.or([w('text', 'is not', null), w('raw', 'is not', null)]))
    .executeTakeFirst();
  e.counts['feedback'] = Number(res.numUpdatedRows);
}

export async function refuseClientWithFeedback(s: OrgScope, clientId: string): Promise<void> {
  const row = await s.db
    .selectFrom('feedback')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('client_id', '=', clientId)
    .limit(1)
    .executeTakeFirst();
  if (row) throw clientInUse('feedback');
}

/** A deleted case: its records stay, without the link. */
export async function detachCase(s: OrgScope, caseId: string): Promise<void> {
  await s.db
    .updateTable('feedback')
    .set({ case_id: null })
    .where('org_id', '=', s.orgId)
    .where('case_id', '=', caseId)
    .execute();
}

/** True when the client has another record in the UTC month of `receivedAt` (economics' month). */
async function monthStillSpoken(s: OrgScope, f: FeedbackTable): Promise<boolean> {
  if (!f.client_id) return false;
  const d = new Date(f.received_at);
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString();
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString();
  const other = await s.db
    .selectFrom('feedback')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('client_id', '=', f.client_id)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .where('id', '<>', f.id)
    .limit(1)
    .executeTakeFirst();
  return other !== undefined;
}

/**
 * Deletes one record (admins, audited without its text): the score rollup takes its count back,
 * its case (if any) stays without it, and the modules above hear of it (feedbackDeleted).
 */
export async function deleteFeedback(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    const f = await tx.db
      .selectFrom('feedback')
      .selectAll()
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!f) throw notFound('Feedback');
    const stillSpoken = await monthStillSpoken(tx, f);
    await recordScoreMonths(tx, [f], -1);
    await detachFeedbackFromCases(tx, id);
    await feedbackDeleted.emit(tx, {
      records: [
        { id, clientId: f.client_id, receivedAt: f.received_at, monthStillSpoken: stillSpoken },
      ],
    });
    await tx.db
      .deleteFrom('feedback')
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(
      tx,
      'feedback.deleted',
      { type: 'feedback', id },
      { publicRef: f.public_ref, stage: f.stage, scoreType: f.score_type },
    );
  });
}
