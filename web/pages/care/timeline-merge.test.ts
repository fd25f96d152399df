// Merging the paged timeline with the paged transactions: newest first, and nothing shown below
// a point where a list still has unloaded pages (they could hold something newer).
import { describe, expect, it } from 'vitest';
import type { TimelineItemOut } from '../../api/care.ts';
import type { TransactionOut } from '../../api/economics.ts';
import { mergeTimeline } from './timeline-merge.ts';

const event = (id: string, at: string) => ({ kind: 'note', at, ref: { id } }) as TimelineItemOut;
const tx = (id: string, date: string) => ({ id, date, kind: 'sale' }) as TransactionOut;
const ids = (r: ReturnType<typeof mergeTimeline>) =>
  r.entries.map((e) => (e.type === 'event' ? e.item.ref.id : e.tx.id));

describe('mergeTimeline', () => {
  it('interleaves both lists newest first when both are complete', () => {
    const r = mergeTimeline(
      {
        items: [event('e1', '2026-03-05T10:00:00Z'), event('e2', '2026-01-02T09:00:00Z')],
        hasMore: false,
      },
      { items: [tx('t1', '2026-03-05'), tx('t2', '2026-02-01')], hasMore: false },
    );
    // A transaction's date sorts as the start of its day: after the event at 10:00 that day.
    expect(ids(r)).toEqual(['e1', 't1', 't2', 'e2']);
    expect(r.loadNext).toEqual([]);
  });

  it('stops at the oldest loaded transaction while transactions have more pages', () => {
    const r = mergeTimeline(
      {
        items: [event('e1', '2026-03-05T10:00:00Z'), event('e2', '2026-01-02T09:00:00Z')],
        hasMore: false,
      },
      { items: [tx('t1', '2026-03-05'), tx('t2', '2026-02-01')], hasMore: true },
    );
    expect(ids(r)).toEqual(['e1', 't1', 't2']);
    expect(r.loadNext).toEqual(['transactions']);
  });

  it('stops at the later of two bounds and loads the list that sets it', () => {
    const r = mergeTimeline(
      {
        items: [event('e1', '2026-03-05T10:00:00Z'), event('e2', '2026-02-20T00:00:00Z')],
        hasMore: true,
      },
      { items: [tx('t1', '2026-03-01'), tx('t2', '2026-01-15')], hasMore: true },
    );
    expect(ids(r)).toEqual(['e1', 't1', 'e2']);
    expect(r.loadNext).toEqual(['events']);
  });
});
