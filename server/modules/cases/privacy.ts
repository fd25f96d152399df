// The cases module's part of the data-subject rights (issue 19): a contact's cases with their
// timelines in its export; on erasure the case titles (a snippet of the feedback text), the
// resolutions and the free texts of the timeline (notes, replies, the client's answers) go, while
// statuses, times and stages stay (the case rollup reads the same); retention of reply texts; the
// admins' deletion of a case (its rollup members follow); a client with cases is not deleted.
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { CaseEventsTable, CasesTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ContactErasing, ContactExporting } from '../clients/index.ts';
import { clientInUse } from '../clients/index.ts';
import { eraseMessagesAbout } from '../messaging/index.ts';
import { eraseCaseDeliveries } from '../webhooks/index.ts';
import { recordAudit } from '../orgs/index.ts';
import { syncCaseRollup } from './case-rollup.service.ts';
import { createHook } from '../../lib/hook.ts';

/** A case is about to be deleted: modules above with a link to it drop the link (ADR 008). */
export const caseDeleting = createHook<OrgScope, { caseId: string }>('cases.deleting');

/** Timeline entries whose body is free text someone wrote (not a status code or an id). */
const TEXT_KINDS = ['note', 'client_reply', 'reply_sent', 'status'] as const;
/** What retention anonymises: the words exchanged with the client. */
const REPLY_KINDS = ['client_reply', 'reply_sent'] as const;

const presentEvent = (e: CaseEventsTable) => ({
  kind: e.kind,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  body: e.body,
  at: e.created_at,
});

async function casesOfContact(s: OrgScope, contactId: string): Promise<CasesTable[]> {
  return s.db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', contactId)
    .orderBy('created_at')
    .execute();
}

export async function exportCases(s: OrgScope, e: ContactExporting): Promise<void> {
  const cases = await casesOfContact(s, e.contactId);
  const events = cases.length
    ? await s.db
        .selectFrom('case_events')
        .selectAll()
        .where('org_id', '=', s.orgId)
        .where(
          'case_id',
          'in',
          cases.map((c) => c.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  e.sections.push({
    key: 'cases',
    title: { ru: 'Обращения (кейсы) и переписка', en: 'Cases and replies' },
    items: cases.map((c) => ({
      id: c.id,
      publicRef: c.public_ref,
      title: c.title,
      type: c.type,
      status: c.status,
      stage: c.stage,
      resolution: c.resolution,
      createdAt: c.created_at,
      resolvedAt: c.resolved_at,
      events: events.filter((ev) => ev.case_id === c.id).map(presentEvent),
    })),
  });
}

export async function eraseCases(s: Ctx, e: ContactErasing): Promise<void> {
  const cases = await casesOfContact(s, e.contactId);
  if (cases.length === 0) return;
  const ids = cases.map((c) => c.id);
  await eraseMessagesAbout(s, { caseIds: ids });
  await eraseCaseDeliveries(s, ids);
  for (const c of cases)
    if (c.title !== c.public_ref || c.resolution !== null)
      await s.db
        .updateTable('cases')
        .set({ title: c.public_ref, resolution: null })
        .where('org_id', '=', s.orgId)
        .where('id', '=', c.id)
        .execute();
  const res = await s.db
    .updateTable('case_events')
    .set({ body: null })
    .where('org_id', '=', s.orgId)
    .where('case_id', 'in', ids)
    .where('kind', 'in', [...TEXT_KINDS])
    .where('body', 'is not', null)
    .executeTakeFirst();
  e.counts['cases'] = cases.length;
  e.counts['case_events'] = Number(res.numUpdatedRows);
}

/** Retention: reply texts written before `cutoff`, at most `limit` of them; returns how many. */
export async function anonymiseCaseRepliesBefore(
  s: OrgScope,
  cutoff: string,
  limit: number,
): Promise<number> {
  const ids = (
    await s.db
      .selectFrom('case_events')
      .select('id')
      .where('org_id', '=', s.orgId)
      .where('kind', 'in', [...REPLY_KINDS])
      .where('created_at', '<', cutoff)
      .where('body', 'is not', null)
      .limit(limit)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  await s.db
    .updateTable('case_events')
    .set({ body: null })
    .where('org_id', '=', s.orgId)
    .where('id', 'in', ids)
    .execute();
  return ids.length;
}

/** A deleted feedback record leaves its case (the case stays, without the link). */
export async function detachFeedbackFromCases(s: OrgScope, feedbackId: string): Promise<void> {
  await s.db
    .updateTable('cases')
    .set({ feedback_id: null })
    .where('org_id', '=', s.orgId)
    .where('feedback_id', '=', feedbackId)
    .execute();
}

export async function refuseClientWithCases(s: OrgScope, clientId: string): Promise<void> {
  const row = await s.db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('client_id', '=', clientId)
    .limit(1)
    .executeTakeFirst();
  if (row) throw clientInUse('cases');
}

/**
 * Deletes a case and its timeline (admins, audited without its texts); its rollup members go
 * and their figures are counted again; a record that opened it keeps no link to it.
 */
export async function deleteCase(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    const c = await tx.db
      .selectFrom('cases')
      .selectAll()
      .where('org_id', '=', tx.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw notFound('Case');
    await caseDeleting.emit(tx, { caseId: id });
    await tx.db.deleteFrom('cases').where('org_id', '=', tx.orgId).where('id', '=', id).execute();
    await syncCaseRollup(tx, [id]);
    await recordAudit(
      tx,
      'case.deleted',
      { type: 'case', id },
      { publicRef: c.public_ref, stage: c.stage, status: c.status },
    );
  });
}
