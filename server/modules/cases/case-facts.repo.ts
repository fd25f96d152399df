// SQL of case facts by id (the case rollup's writers, ADR 015). orgId first.
import type { CaseEventsTable, CasesTable, DbOrTrx } from '../../db/types.ts';

/** The given cases of the organisation (the case rollup's writers). */
export async function listCasesByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<CasesTable[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

/** The status changes of the given cases, oldest first. */
export async function listStatusEventsOf(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<Pick<CaseEventsTable, 'case_id' | 'to_status' | 'created_at'>[]> {
  return db
    .selectFrom('case_events')
    .select(['case_id', 'to_status', 'created_at'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'status')
    .where('case_id', 'in', ids)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
