// The client timeline and the client's transactions are two lists paged newest first; merged
// on the client, an entry is shown only when no unloaded page of either list could still come
// before it, so loading more never slips an older event above a newer one.
import type { TimelineItemOut } from '../../api/care.ts';
import type { TransactionOut } from '../../api/economics.ts';

export type TimelineEntry =
  | { type: 'event'; at: string; item: TimelineItemOut }
  | { type: 'transaction'; at: string; tx: TransactionOut };

/** A transaction's date has no time; it sorts as the start of that UTC day. */
const txAt = (tx: TransactionOut) => `${tx.date}T00:00:00.000Z`;
const toTime = (at: string) => Date.parse(at);

export interface MergedTimeline {
  entries: TimelineEntry[];
  /** Which list to load next to extend the merged list ('events', 'transactions' or both). */
  loadNext: Array<'events' | 'transactions'>;
}

export function mergeTimeline(
  events: { items: TimelineItemOut[]; hasMore: boolean },
  transactions: { items: TransactionOut[]; hasMore: boolean },
): MergedTimeline {
  const all: TimelineEntry[] = [
    ...events.items.map((item) => ({ type: 'event' as const, at: item.at, item })),
    ...transactions.items.map((tx) => ({ type: 'transaction' as const, at: txAt(tx), tx })),
  ];
  all.sort((x, y) => toTime(y.at) - toTime(x.at));
  const oldest = (ats: string[]) => Math.min(...ats.map(toTime));
  // The oldest loaded entry of a list with more pages bounds what is known to be complete.
  const bounds: Array<{ list: 'events' | 'transactions'; time: number }> = [];
  if (events.hasMore && events.items.length > 0)
    bounds.push({ list: 'events', time: oldest(events.items.map((i) => i.at)) });
  if (transactions.hasMore && transactions.items.length > 0)
    bounds.push({ list: 'transactions', time: oldest(transactions.items.map(txAt)) });
  if (bounds.length === 0) return { entries: all, loadNext: [] };
  const cutoff = Math.max(...bounds.map((b) => b.time));
  return {
    entries: all.filter((e) => toTime(e.at) >= cutoff),
    loadNext: bounds.filter((b) => b.time === cutoff).map((b) => b.list),
  };
}
