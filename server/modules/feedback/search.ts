// The feedback module's part of the global search (issue 21): records by their text. A LIKE
// over every text is a scan of the whole table and O(text × query) on hostile input, so the
// search reads only the organisation's SEARCH_RECENT_RECORDS newest records (one range of
// feedback_org_received_idx, newest first) and matches them with the linear-time finder
// (shared/domain/find-text.ts): its cost does not grow with the table. docs/search.md.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { snippetAround, textFinder } from '../../../shared/domain/find-text.ts';
import { recentTexts } from './search.repo.ts';

/** How many of the newest records a text search reads. */
export const SEARCH_RECENT_RECORDS = 5000;

export interface FeedbackHit {
  id: string;
  publicRef: string;
  snippet: string;
  receivedAt: string;
}

export async function searchFeedback(
  ctx: Ctx,
  q: string,
  limit: number,
  window = SEARCH_RECENT_RECORDS,
): Promise<FeedbackHit[]> {
  assertCan(ctx.actor, 'data.read');
  const finder = textFinder(q);
  const out: FeedbackHit[] = [];
  for (const r of await recentTexts(ctx.db, ctx.orgId, window)) {
    const at = finder.indexIn(foldForSearch(r.text));
    if (at < 0) continue;
    out.push({
      id: r.id,
      publicRef: r.public_ref,
      snippet: snippetAround(r.text, at),
      receivedAt: r.received_at,
    });
    if (out.length >= limit) break;
  }
  return out;
}
