// SQL of the global search over cases (issue 21). orgId first, always.
import { sql } from 'kysely';
import type { CasesTable, DbOrTrx } from '../../db/types.ts';

/**
 * Cases whose reference starts with `prefix` (CL-…, upper case): a range of the unique index on
 * public_ref. The organisation is compared as an expression (org_id || '') so no planner takes
 * an org_id index instead and walks all of the organisation's cases (SQLite did, before ANALYZE).
 */
export function casesByRefPrefixQuery(db: DbOrTrx, orgId: string, prefix: string, limit: number) {
  return (
    db
      .selectFrom('cases')
      .selectAll()
      .where('public_ref', '>=', prefix)
      // '[' follows 'Z' in ASCII, and references hold only A–Z and 2–9 after "CL-".
      .where('public_ref', '<', `${prefix}[`)
      .where(sql<string>`${sql.ref('org_id')} || ''`, '=', orgId)
      .orderBy('public_ref')
      .limit(limit)
  );
}

export async function casesByRefPrefix(
  db: DbOrTrx,
  orgId: string,
  prefix: string,
  limit: number,
): Promise<CasesTable[]> {
  return casesByRefPrefixQuery(db, orgId, prefix, limit).execute();
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
