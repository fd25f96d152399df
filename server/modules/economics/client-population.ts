// Every client's month sets of an organisation, with the per-period counts the rollup figures
// need (rollup-figures.ts; pure, no I/O): how many clients paid, were active and were new in each
// period, and how many were churned at each period end — per period unit and churn rule, worked
// out on first use and then kept in step client by client. window-data.ts keeps one population
// per organisation in memory and lays the clients changed since over it, so after a write a
// request costs the changed clients, not all 20 000 of them.
import { clientPeriods, type ClientMonths, type ClientPeriods } from './client-periods.ts';
import type { PeriodUnit } from './periods.ts';

/** Client counts by period index, for one period unit and churn rule. */
export interface PeriodCounts {
  readonly unit: PeriodUnit;
  readonly fixed: number | null;
  paying: Map<number, number>;
  active: Map<number, number>;
  fresh: Map<number, number>;
  /** +n at the first period end of a churn span, −n after its last: churned(e) = Σ keys ≤ e. */
  churn: Map<number, number>;
}

const bump = (m: Map<number, number>, key: number, by: number) => {
  const n = (m.get(key) ?? 0) + by;
  if (n === 0) m.delete(key);
  else m.set(key, n);
};

function count(into: PeriodCounts, p: ClientPeriods, sign: 1 | -1): void {
  for (const x of p.pays) bump(into.paying, x, sign);
  for (const x of p.active) bump(into.active, x, sign);
  if (p.pays.length) bump(into.fresh, p.pays[0]!, sign);
  for (let s = 0; s < p.churn.length; s += 2) {
    bump(into.churn, p.churn[s]!, sign);
    if (p.churn[s + 1]! !== Infinity) bump(into.churn, p.churn[s + 1]! + 1, -sign);
  }
}

export class ClientPopulation {
  private readonly sets = new Map<string, ClientMonths>();
  private readonly counts = new Map<string, PeriodCounts>();

  constructor(clients: Iterable<[string, ClientMonths]> = []) {
    for (const [id, c] of clients) this.sets.set(id, c);
  }

  /** Adds or replaces clients; every count worked out so far follows (one client at a time). */
  update(clients: Iterable<[string, ClientMonths]>): void {
    for (const [id, c] of clients) {
      const before = this.sets.get(id);
      for (const counts of this.counts.values()) {
        if (before) count(counts, clientPeriods(before, counts.unit, counts.fixed), -1);
        count(counts, clientPeriods(c, counts.unit, counts.fixed), 1);
      }
      this.sets.set(id, c);
    }
  }

  /** Every client, as often as it is walked. */
  get clients(): Iterable<ClientMonths> {
    return { [Symbol.iterator]: () => this.sets.values() };
  }

  get size(): number {
    return this.sets.size;
  }

  /** The counts for `unit` under the churn rule (the organisation's fixed threshold or null). */
  periodCounts(unit: PeriodUnit, fixed: number | null): PeriodCounts {
    const key = `${unit}:${fixed ?? ''}`;
    let counts = this.counts.get(key);
    if (!counts) {
      counts = {
        unit,
        fixed,
        paying: new Map(),
        active: new Map(),
        fresh: new Map(),
        churn: new Map(),
      };
      for (const c of this.sets.values()) count(counts, clientPeriods(c, unit, fixed), 1);
      this.counts.set(key, counts);
    }
    return counts;
  }
}
