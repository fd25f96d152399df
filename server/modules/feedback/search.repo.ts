// SQL of the global search over feedback records (issue 21). orgId first, always.
import type { DbOrTrx } from '../../db/types.ts';

export interface RecentText {
  id: string;
  public_ref: string;
  text: string;
  received_at: string;
}

/**
 * Of the organisation's `window` newest records, those with a text, newest first. The window
 * counts every record (scores without a comment too), so the read is bounded whatever the
 * texts: a reverse range of feedback_org_received_idx, no sort in SQL (search-plan.test.ts).
 */
export function recentTextsQuery(db: DbOrTrx, orgId: string, window: number) {
  const newest = db
    .selectFrom('feedback')
    .select(['id', 'public_ref', 'text', 'received_at'])
    .where('org_id', '=', orgId)
    .orderBy('received_at', 'desc')
    .limit(window);
  return db.selectFrom(newest.as('recent')).selectAll().where('text', 'is not', null);
}

export async function recentTexts(
  db: DbOrTrx,
  orgId: string,
  window: number,
): Promise<RecentText[]> {
  const rows = (await recentTextsQuery(db, orgId, window).execute()) as RecentText[];
  // SQL keeps no order through a subquery; ≤ `window` rows are sorted here, newest first.
  return rows.sort((x, y) =>
    x.received_at < y.received_at ? 1 : x.received_at > y.received_at ? -1 : 0,
  );
}
