// SQL of the global search over cases (issue 21). orgId first, always.
import type { CasesTable, DbOrTrx } from '../../db/types.ts';

/** Cases whose reference starts with `prefix` (CL-…, upper case): a range of the unique index. */
export async function casesByRefPrefix(
  db: DbOrTrx,
  orgId: string,
  prefix: string,
  limit: number,
): Promise<CasesTable[]> {
  return (
    db
      .selectFrom('cases')
      .selectAll()
      .where('public_ref', '>=', prefix)
      // '[' follows 'Z' in ASCII, and references hold only A–Z and 2–9 after "CL-".
      .where('public_ref', '<', `${prefix}[`)
      .where('org_id', '=', orgId)
      .orderBy('public_ref')
      .limit(limit)
      .execute()
  );
}

/** The organisation's `window` newest cases, newest first (cases_org_created_idx, reversed). */
export async function recentCases(
  db: DbOrTrx,
  orgId: string,
  window: number,
): Promise<Pick<CasesTable, 'id' | 'public_ref' | 'title' | 'status'>[]> {
  return db
    .selectFrom('cases')
    .select(['id', 'public_ref', 'title', 'status'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window)
    .execute();
}
