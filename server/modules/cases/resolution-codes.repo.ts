// SQL of the resolution codes (issue 21) and of the count of resolved cases by code.
import type { CaseStatus, DbOrTrx, ResolutionCodesTable } from '../../db/types.ts';

export async function listCodes(db: DbOrTrx, orgId: string): Promise<ResolutionCodesTable[]> {
  return db
    .selectFrom('resolution_codes')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

/** Inserts codes; a key the organisation already has is left as it is (seeding twice is a no-op). */
export async function insertCodes(db: DbOrTrx, rows: ResolutionCodesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('resolution_codes')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .execute();
}

export async function updateCode(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<ResolutionCodesTable>,
): Promise<void> {
  await db
    .updateTable('resolution_codes')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

const RESOLVED: CaseStatus[] = ['resolved', 'closed'];

/** Cases resolved in [from, to) that are still resolved or closed, counted per code (null: none). */
export async function countResolvedByCode(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
): Promise<{ code: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['resolution_code as code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('org_id', '=', orgId)
    .where('status', 'in', RESOLVED)
    .where('resolved_at', '>=', from)
    .where('resolved_at', '<', to)
    .groupBy('resolution_code')
    .execute();
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

export const RESOLVED_STATUSES = RESOLVED;
