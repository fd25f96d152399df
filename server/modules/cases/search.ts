// The cases module's part of the global search (issue 21): a case by its reference (CL-…, a
// prefix is enough, any case) or by words of its title. Titles are matched like feedback texts:
// among the organisation's SEARCH_RECENT_CASES newest cases, with the linear-time finder.
import type { Ctx } from '../../context.ts';
import type { CaseStatus } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { textFinder } from '../../../shared/domain/find-text.ts';
import { casesByRefPrefix, recentCases } from './search.repo.ts';

export const SEARCH_RECENT_CASES = 5000;

export interface CaseHit {
  id: string;
  publicRef: string;
  title: string;
  status: CaseStatus;
}

/** "cl-7k3m", "CL 7K3M", "CL7K3M" → "CL-7K3M"; undefined when the query is not a reference. */
export function refPrefix(q: string): string | undefined {
  const m = /^cl[\s-]?([a-hj-np-z2-9]{2,10})$/i.exec(q.trim());
  return m ? `CL-${m[1]!.toUpperCase()}` : undefined;
}

export async function searchCases(
  ctx: Ctx,
  q: string,
  limit: number,
  window = SEARCH_RECENT_CASES,
): Promise<CaseHit[]> {
  assertCan(ctx.actor, 'data.read');
  const prefix = refPrefix(q);
  const out: CaseHit[] = [];
  const seen = new Set<string>();
  const add = (c: { id: string; public_ref: string; title: string; status: CaseStatus }) => {
    if (seen.has(c.id) || out.length >= limit) return;
    seen.add(c.id);
    out.push({ id: c.id, publicRef: c.public_ref, title: c.title, status: c.status });
  };
  if (prefix) for (const c of await casesByRefPrefix(ctx.db, ctx.orgId, prefix, limit)) add(c);
  if (out.length < limit) {
    const finder = textFinder(q);
    for (const c of await recentCases(ctx.db, ctx.orgId, window)) {
      if (out.length >= limit) break;
      if (finder.indexIn(foldForSearch(c.title)) >= 0) add(c);
    }
  }
  return out;
}
