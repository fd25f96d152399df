// SQL of closing cases (issue 21): resolution codes, the count of resolved cases by code, the
// list filters by code and tag, and the cases of a bulk action.
import type { SelectQueryBuilder } from 'kysely';
import type { CasesTable, CaseStatus, DB, DbOrTrx, ResolutionCodesTable } from '../../db/types.ts';
import { NO_RESOLUTION_CODE } from '../../../shared/domain/resolution-codes.ts';
import { hasTag } from './case-tags.ts';

/** The cases of this organisation among `ids` (another organisation's are simply not found). */
export async function findCases(db: DbOrTrx, orgId: string, ids: string[]): Promise<CasesTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export interface ClosingFilter {
  resolvedTo?: string;
  /** A code's key, or NO_RESOLUTION_CODE: resolved cases without a code. */
  resolutionCode?: string;
  tag?: string;
}

/** The case list's issue-21 filters on a query of `cases`. */
export function whereClosing<O>(
  q: SelectQueryBuilder<DB, 'cases', O>,
  f: ClosingFilter,
): SelectQueryBuilder<DB, 'cases', O> {
  if (f.resolvedTo) q = q.where('resolved_at', '<', f.resolvedTo);
  if (f.resolutionCode === NO_RESOLUTION_CODE)
    q = q.where('resolution_code', 'is', null).where('resolved_at', 'is not', null);
  else if (f.resolutionCode) q = q.where('resolution_code', '=', f.resolutionCode);
  if (f.tag) q = q.where(hasTag(f.tag));
  return q;
}

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
