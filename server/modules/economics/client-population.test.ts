// The counts a population keeps in step client by client (client-population.ts) equal the counts
// worked out from scratch, for any clients and any sequence of changes, for every period unit and
// churn rule; and the rollup figures read from them equal a plain walk over each client's months.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClientMonths } from './client-periods.ts';
import { ClientPopulation, type PeriodCounts } from './client-population.ts';
import type { PeriodUnit } from './periods.ts';

const months = fc
  .uniqueArray(fc.integer({ min: 24_280, max: 24_330 }), { maxLength: 30 })
  .map((xs) => Int32Array.from(xs.sort((a, b) => a - b)));
const client = fc.record({ sales: months, feedback: months });
const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const entries = fc.array(fc.tuple(ids, client), { maxLength: 8 });
const rules: [PeriodUnit, number | null][] = [
  ['month', null],
  ['quarter', null],
  ['year', null],
  ['month', 1],
  ['quarter', 4],
];

const plain = (c: PeriodCounts) => ({
  paying: new Map([...c.paying].sort()),
  active: new Map([...c.active].sort()),
  fresh: new Map([...c.fresh].sort()),
  churn: new Map([...c.churn].sort()),
});
/** A fresh copy of a client: the population memoises on the objects it holds. */
const copy = (c: ClientMonths): ClientMonths => ({ sales: c.sales, feedback: c.feedback });

describe('a client population', () => {
  it('keeps its counts in step with the clients it holds', () => {
    fc.assert(
      fc.property(entries, fc.array(entries, { maxLength: 4 }), (start, changes) => {
        const kept = new ClientPopulation(start);
        for (const [unit, fixed] of rules) kept.periodCounts(unit, fixed); // counted before changes
        const latest = new Map(start);
        for (const change of changes) {
          kept.update(change);
          for (const [id, c] of change) latest.set(id, c);
        }
        const fresh = new ClientPopulation([...latest].map(([id, c]) => [id, copy(c)]));
        expect(kept.size).toBe(latest.size);
        for (const [unit, fixed] of rules)
          expect(plain(kept.periodCounts(unit, fixed))).toEqual(
            plain(fresh.periodCounts(unit, fixed)),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('counts a hand-made client as METRICS.md says', () => {
    // Paid in months 0, 1, 5 (a gap of 4) then stopped; spoke in month 3.
    const m0 = 24_300;
    const one: ClientMonths = {
      sales: Int32Array.from([m0, m0 + 1, m0 + 5]),
      feedback: Int32Array.from([m0 + 3]),
    };
    const c = new ClientPopulation([['x', one]]).periodCounts('month', null);
    expect([...c.paying.keys()]).toEqual([m0, m0 + 1, m0 + 5]);
    expect([...c.active.keys()].sort()).toEqual([m0, m0 + 1, m0 + 3, m0 + 5]);
    expect([...c.fresh]).toEqual([[m0, 1]]);
    // After month 1 (gaps so far [1], threshold max(2, 3) = 3): churned at ends e with
    // e − 1 − 1 > 3 → e ≥ 6 … but month 5 came first, so no span. After month 5 (gaps [1, 4],
    // median 2.5, threshold 7.5): churned from e − 5 − 1 > 7.5 → e ≥ 14, for ever.
    expect([...c.churn]).toEqual([[m0 + 14, 1]]);
  });
});
