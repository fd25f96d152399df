// The backlog's figures against hand-computed examples (METRICS.md "Improvement backlog",
// docs/backlog.md), and the status machine.
import { describe, expect, it } from 'vitest';
import {
  computeValues,
  localDay,
  onTimeOf,
  onTimeShare,
  quadrantOf,
  rankOrder,
} from './figures.ts';
import { allowedNextStatuses, canMove } from './transitions.ts';

describe('the computed value', () => {
  it('scales reach × revenue at stake to 1–10 against the largest', () => {
    // A: 2 clients × 100 000 = 200 000 = pMax → 1 + 9 = 10.
    // B: 1 client × 50 000 = 50 000 → 1 + 9 × 0.25 = 3.25 → 3.3 (rounded to 0.1).
    // C: reaches nobody → no value. D: given by hand → 7, whatever its reach.
    const v = computeValues([
      { id: 'A', manualValue: null, reach: 2, revenueMinor: 100_000 },
      { id: 'B', manualValue: null, reach: 1, revenueMinor: 50_000 },
      { id: 'C', manualValue: null, reach: 0, revenueMinor: 0 },
      { id: 'D', manualValue: 7, reach: 9, revenueMinor: 9_999_999 },
    ]);
    // D's 9 × 9 999 999 is the largest product, so A and B scale against it:
    // A: 1 + 9 × 200 000 / 89 999 991 = 1.02 → 1.0; B → 1.005 → 1.0.
    expect([...v]).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', null],
      ['D', 7],
    ]);
    const w = computeValues([
      { id: 'A', manualValue: null, reach: 2, revenueMinor: 100_000 },
      { id: 'B', manualValue: null, reach: 1, revenueMinor: 50_000 },
      { id: 'C', manualValue: null, reach: 0, revenueMinor: 0 },
    ]);
    expect([...w]).toEqual([
      ['A', 10],
      ['B', 3.3],
      ['C', null],
    ]);
  });

  it('scales reach alone when no initiative has revenue at stake', () => {
    // Reach 4 → 10; reach 1 → 1 + 9 / 4 = 3.25 → 3.3.
    const v = computeValues([
      { id: 'A', manualValue: null, reach: 4, revenueMinor: 0 },
      { id: 'B', manualValue: null, reach: 1, revenueMinor: 0 },
    ]);
    expect(v.get('A')).toBe(10);
    expect(v.get('B')).toBe(3.3);
  });
});

describe('the quadrants (threshold 5.5 on both axes)', () => {
  it.each([
    [5.5, 5.4, 'quick_win'],
    [5.5, 5.5, 'big_bet'],
    [5.4, 5.4, 'fill_in'],
    [5.4, 5.5, 'money_pit'],
    [10, 1, 'quick_win'],
    [1, 10, 'money_pit'],
  ])('value %s, effort %s → %s', (value, effort, q) => {
    expect(quadrantOf(value, effort)).toBe(q);
  });
  it('has none without both scores', () => {
    expect(quadrantOf(null, 3)).toBeNull();
    expect(quadrantOf(8, null)).toBeNull();
  });
});

describe('on time', () => {
  it('compares the day it was done in the organisation’s zone with the due date', () => {
    // Due 30 Nov. 20:59:59Z is 23:59:59 in Moscow (UTC+3): on time. 21:00Z is 1 Dec 00:00 in
    // Moscow: late — though still 30 Nov in UTC.
    expect(localDay('2026-11-30T21:00:00Z', 'Europe/Moscow')).toBe('2026-12-01');
    expect(onTimeOf('done', '2026-11-30T20:59:59Z', '2026-11-30', 'Europe/Moscow')).toBe(true);
    expect(onTimeOf('done', '2026-11-30T21:00:00Z', '2026-11-30', 'Europe/Moscow')).toBe(false);
    expect(onTimeOf('done', '2026-11-30T21:00:00Z', '2026-11-30', 'UTC')).toBe(true);
    expect(onTimeOf('done', '2026-11-30T10:00:00Z', null, 'UTC')).toBeNull();
    expect(onTimeOf('in_progress', null, '2026-11-30', 'UTC')).toBeNull();
  });

  it('shares: done on time / done with a due date', () => {
    // Four done: two on time, one late, one without a due date → 2 / 3.
    expect(onTimeShare([true, false, null, true], 4)).toEqual({
      done: 4,
      doneWithDueDate: 3,
      doneOnTime: 2,
      onTimeShare: 2 / 3,
    });
    expect(onTimeShare([null], 1).onTimeShare).toBeNull();
  });
});

describe('the ranking', () => {
  it('puts open ones first by value ÷ effort, then done, then dropped', () => {
    const row = (id: string, status: any, value: number | null, effort: number | null) => ({
      id,
      status,
      value,
      effort,
      dueDate: null,
      createdAt: `2026-01-0${id.charCodeAt(0) - 64}`,
    });
    const order = rankOrder([
      row('A', 'done', 10, 1),
      row('B', 'idea', 6, 3), // 2
      row('C', 'in_progress', 9, 3), // 3
      row('D', 'dropped', 10, 1),
      row('E', 'planned', null, 3), // unscored: last of the open ones
      row('F', 'idea', 4, 2), // 2, lower value than B
    ]).map((r) => r.id);
    expect(order).toEqual(['C', 'B', 'F', 'E', 'A', 'D']);
  });
});

describe('the status machine', () => {
  it('goes idea → planned → in_progress → done, re-opens done, revives dropped', () => {
    expect(canMove('idea', 'planned')).toBe(true);
    expect(canMove('planned', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'done')).toBe(true);
    expect(canMove('done', 'in_progress')).toBe(true);
    expect(canMove('dropped', 'idea')).toBe(true);
    expect(canMove('idea', 'done')).toBe(false);
    expect(canMove('done', 'dropped')).toBe(false);
    expect(canMove('dropped', 'done')).toBe(false);
    expect(canMove('done', 'done')).toBe(true);
    expect(allowedNextStatuses('done')).toEqual(['in_progress']);
  });
});
