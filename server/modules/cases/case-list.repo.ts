// The case list's query (GET /api/v1/cases, the board, the week's drill-down lists) and cases by
// ids. orgId first, always.
import type { CasesTable, CaseStatus, DbOrTrx } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import { onlyOpen, openCaseTerm } from '../../db/open-cases.ts';
import type { KeyCursor } from '../../lib/paging.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';
import { whereClosing, type ClosingFilter } from './case-closing.repo.ts';

/** With the closing filters (resolvedTo, resolution code, tag: case-closing.repo.ts). */
export interface CaseFilter extends ClosingFilter {
  status?: CaseStatus[];
  ownerId?: string;
  clientId?: string;
  stage?: string;
  resolvedFrom?: string;
  /** Windows [from, to) on the opening and the SLA breach; resolvedTo is a closing filter. */
  openedFrom?: string;
  openedTo?: string;
  breachedFrom?: string;
  breachedTo?: string;
  before?: KeyCursor;
  limit: number;
}

/**
 * Newest opened first (ties by id); pages on (created_at, id). Open statuses only (the inbox, the
 * board, "mine") walk the open cases' partial indexes (migration 0047) without sorting: the
 * literal open term stands for the whole open set, and narrows further only for a part of it.
 */
export async function listCases(db: DbOrTrx, orgId: string, f: CaseFilter): Promise<CasesTable[]> {
  let q = db.selectFrom('cases').selectAll().where('org_id', '=', orgId);
  if (onlyOpen(f.status)) {
    q = q.where(openCaseTerm());
    if (new Set(f.status).size < OPEN_CASE_STATUSES.length) q = q.where('status', 'in', f.status!);
  } else if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.ownerId) q = q.where('owner_id', '=', f.ownerId);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.stage !== undefined) q = q.where('stage', '=', f.stage);
  if (f.resolvedFrom) q = q.where('resolved_at', '>=', f.resolvedFrom);
  if (f.openedFrom) q = q.where('created_at', '>=', f.openedFrom);
  if (f.openedTo) q = q.where('created_at', '<', f.openedTo);
  if (f.breachedFrom) q = q.where('breached_at', '>=', f.breachedFrom);
  if (f.breachedTo) q = q.where('breached_at', '<', f.breachedTo);
  q = whereClosing(q, f);
  if (f.before) q = q.where(before('created_at', f.before));
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Several cases of one organisation by id in one query (the notification list names them). */
export async function findCasesByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<CasesTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
