// The only file of the cases module with SQL.
import type {
  CaseEventsTable,
  CaseStatusNoticesTable,
  CasesTable,
  CaseStatus,
  DbOrTrx,
  SlaPoliciesTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';

export async function insertCase(db: DbOrTrx, row: CasesTable): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

export async function findCase(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<CasesTable | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getCase(db: DbOrTrx, orgId: string, id: string): Promise<CasesTable> {
  const row = await findCase(db, orgId, id);
  if (!row) throw notFound('Case');
  return row;
}

export async function findCaseByPublicRef(
  db: DbOrTrx,
  publicRef: string,
): Promise<CasesTable | undefined> {
  return db.selectFrom('cases').selectAll().where('public_ref', '=', publicRef).executeTakeFirst();
}

export async function updateCase(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<CasesTable>,
): Promise<void> {
  await db
    .updateTable('cases')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export { listCases, type CaseFilter } from './case-list.repo.ts';

/** Open cases past their due time that are not yet marked breached (the escalation sweep). */
export async function listNewlyBreached(
  db: DbOrTrx,
  nowIso: string,
  limit: number,
): Promise<CasesTable[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', OPEN_CASE_STATUSES)
    .where('breached_at', 'is', null)
    .where('due_at', '<', nowIso)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

export async function insertEvent(db: DbOrTrx, row: CaseEventsTable): Promise<void> {
  await db.insertInto('case_events').values(row).execute();
}

export async function listEvents(
  db: DbOrTrx,
  orgId: string,
  caseId: string,
): Promise<CaseEventsTable[]> {
  return db
    .selectFrom('case_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export async function findPolicyFor(
  db: DbOrTrx,
  orgId: string,
  priority: string,
): Promise<SlaPoliciesTable | undefined> {
  const exact = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('priority', '=', priority as SlaPoliciesTable['priority'])
    .executeTakeFirst();
  if (exact) return exact;
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}

export async function listPolicies(db: DbOrTrx, orgId: string): Promise<SlaPoliciesTable[]> {
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
}

export async function getPolicy(db: DbOrTrx, orgId: string, id: string): Promise<SlaPoliciesTable> {
  const row = await db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('SLA policy');
  return row;
}

export async function insertPolicy(db: DbOrTrx, row: SlaPoliciesTable): Promise<void> {
  await db.insertInto('sla_policies').values(row).execute();
}

export async function updatePolicy(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<SlaPoliciesTable>,
): Promise<void> {
  await db
    .updateTable('sla_policies')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function clearDefaultPolicy(db: DbOrTrx, orgId: string): Promise<void> {
  await db.updateTable('sla_policies').set({ is_default: 0 }).where('org_id', '=', orgId).execute();
}

export async function deletePolicy(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('sla_policies').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The last status message queued for a case's contact (issue 15), if any. */
export async function findStatusNotice(
  db: DbOrTrx,
  orgId: string,
  caseId: string,
): Promise<CaseStatusNoticesTable | undefined> {
  return db
    .selectFrom('case_status_notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

export async function saveStatusNotice(db: DbOrTrx, row: CaseStatusNoticesTable): Promise<void> {
  await db
    .insertInto('case_status_notices')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({ status: row.status, notified_at: row.notified_at }),
    )
    .execute();
}

/** True once a case has been resolved at least once (its closing message went out then). */
export async function wasEverResolved(db: DbOrTrx, orgId: string, caseId: string) {
  const row = await db
    .selectFrom('case_events')
    .select('id')
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'status')
    .where('to_status', '=', 'resolved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The cases a window [from, to) can say anything about: opened before `to` and still open, or
 * changed (acknowledged, resolved, reopened, breached), or due, on or after `from`.
 */
function casesOfWindow(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('cases')
    .where('org_id', '=', orgId)
    .where('created_at', '<', to)
    .where((eb) =>
      eb.or([
        eb('status', 'in', OPEN_CASE_STATUSES),
        eb('updated_at', '>=', from),
        eb('due_at', '>=', from),
      ]),
    );
}

export async function listCasesOfWindow(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
): Promise<CasesTable[]> {
  return casesOfWindow(db, orgId, from, to).selectAll().orderBy('created_at').execute();
}

/** The status changes of those cases, oldest first. */
export async function listStatusEventsOfWindow(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
): Promise<Pick<CaseEventsTable, 'case_id' | 'to_status' | 'created_at'>[]> {
  return db
    .selectFrom('case_events')
    .select(['case_id', 'to_status', 'created_at'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'status')
    .where('case_id', 'in', casesOfWindow(db, orgId, from, to).select('id'))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Open cases that name a stage, oldest first (the arbiter counts and samples them per stage). */
export async function listOpenStageCases(
  db: DbOrTrx,
  orgId: string,
  statuses: string[],
): Promise<CasesTable[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('stage', 'is not', null)
    .where('status', 'in', statuses as CasesTable['status'][])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The organisation's default SLA policy, if it has one. */
export async function findDefaultPolicy(
  db: DbOrTrx,
  orgId: string,
): Promise<SlaPoliciesTable | undefined> {
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}
