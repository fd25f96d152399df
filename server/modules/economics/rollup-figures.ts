// The figures of METRICS.md "Transactions" from the rollups (ADR 011; pure, no I/O): sums from
// the organisation's months, payment discipline from the due cells, and the client counts —
// paying, active, new, churned — from each client's month sets. Gives exactly what figures.ts
// gives from the transactions themselves (a test compares the two on random data).
import { moneyRatio, ratio, type Figures, type SpendRow, type Window } from './figures.ts';
import { lowerBound } from './client-periods.ts';
import type { ClientPopulation } from './client-population.ts';
import { MONTHS, periodIndex, periodStart, type PeriodUnit } from './periods.ts';
import { epochDay, monthOf, type DueSums, type MonthSums } from './rollup-deltas.ts';

export interface RollupData {
  /** Organisation months in the whole window, by month index. */
  months: ReadonlyMap<number, MonthSums>;
  /** Due cells whose due month is in the whole window. */
  due: readonly (DueSums & { due_month: number; paid_month: number })[];
  /** Each client's months with a sale and with feedback, and the counts per period. */
  clients: ClientPopulation;
  spend: readonly SpendRow[] | null;
  churnAfterPeriods: number | null;
}

interface Counts {
  paying: number;
  active: number;
  newClients: number;
}

function figuresOf(
  sums: { revenue: number; cost: number; purchases: number; sales: number; costed: number },
  counts: Counts,
  churned: number,
  discipline: { onTimeShare: number | null; meanDaysLate: number | null },
  spend: number | undefined,
): Figures {
  const margin = sums.revenue - sums.cost;
  return {
    revenueMinor: sums.revenue,
    marginMinor: margin,
    costCoverage: ratio(sums.costed, sums.sales),
    payingClients: counts.paying,
    activeClients: counts.active,
    purchases: sums.purchases,
    q: ratio(sums.purchases, counts.paying),
    appnMinor: moneyRatio(sums.revenue, sums.purchases),
    arppuMinor: moneyRatio(sums.revenue, counts.paying),
    arpuMinor: moneyRatio(sums.revenue, counts.active),
    newClients: counts.newClients,
    cacMinor: spend ? moneyRatio(spend, counts.newClients) : null,
    profitMinor: spend === undefined ? null : margin - spend,
    ...discipline,
    churnedClients: churned,
  };
}

function sumsIn(d: RollupData, from: number, to: number) {
  const out = { revenue: 0, cost: 0, purchases: 0, sales: 0, costed: 0 };
  for (const [m, s] of d.months) {
    if (m < from || m >= to) continue;
    out.revenue += Number(s.sales_minor) - Number(s.refunds_minor);
    out.cost += Number(s.cost_minor);
    out.purchases += Number(s.sales);
    out.sales += Number(s.sales_minor);
    out.costed += Number(s.costed_minor);
  }
  return out;
}

function disciplineIn(d: RollupData, from: number, to: number, toDate: string) {
  let due = 0;
  let onTime = 0;
  let lateDays = 0;
  const toDay = epochDay(toDate);
  for (const c of d.due) {
    if (c.due_month < from || c.due_month >= to) continue;
    due += Number(c.sales);
    onTime += Number(c.on_time);
    const late = Number(c.sales) - Number(c.on_time);
    // A sale paid before the end of the window is settled then; the rest count up to the end.
    const settled = c.paid_month !== 0 && c.paid_month < to;
    lateDays += settled
      ? Number(c.late_paid_days) - Number(c.late_due_days)
      : late * toDay - Number(c.late_due_days);
  }
  return { onTimeShare: ratio(onTime, due), meanDaysLate: ratio(lateDays, due - onTime) };
}

function spendIn(d: RollupData, from: number, to: number): number | undefined {
  return d.spend?.reduce((sum, s) => {
    const m = monthOf(`${s.period}-01`);
    return m >= from && m < to ? sum + s.amountMinor : sum;
  }, 0);
}

/** The whole window [w.from, w.to) and each period of `unit` inside it. */
export function rollupSeries(
  w: Window,
  unit: PeriodUnit,
  d: RollupData,
): { whole: Figures; series: Figures[] } {
  const from = monthOf(w.from);
  const to = monthOf(w.to);
  const first = periodIndex(w.from, unit);
  const count = periodIndex(w.to, unit) - first;
  const last = first + count; // periods [first, last); period ends first … last
  const counts = d.clients.periodCounts(unit, d.churnAfterPeriods);
  const at = (m: Map<number, number>) =>
    Array.from({ length: count }, (_, i) => m.get(first + i) ?? 0);
  const paying = at(counts.paying);
  const active = at(counts.active);
  const fresh = at(counts.fresh);
  // Churned at each period end first … last: the running sum of the span marks up to it.
  const churned = new Array<number>(count + 1).fill(0);
  let running = 0;
  const marks = [...counts.churn].sort((a, b) => a[0] - b[0]);
  for (let e = first, i = 0; e <= last; e++) {
    while (i < marks.length && marks[i]![0] <= e) running += marks[i++]![1];
    churned[e - first] = running;
  }
  // The whole window: a client counts once however many of its periods it paid or spoke in.
  const whole: Counts = { paying: 0, active: 0, newClients: fresh.reduce((a, b) => a + b, 0) };
  if (count === 1) {
    whole.paying = paying[0]!;
    whole.active = active[0]!;
  } else {
    const anyIn = (months: Int32Array) => {
      const i = lowerBound(months, from);
      return i < months.length && months[i]! < to;
    };
    for (const c of d.clients.clients) {
      const bought = anyIn(c.sales);
      if (bought) whole.paying += 1;
      if (bought || anyIn(c.feedback)) whole.active += 1;
    }
  }
  const series = Array.from(paying, (_, i) => {
    const counts = { paying: paying[i]!, active: active[i]!, newClients: fresh[i]! };
    const mFrom = (first + i) * MONTHS[unit];
    const mTo = mFrom + MONTHS[unit];
    const end = periodStart(first + i + 1, unit);
    return figuresOf(
      sumsIn(d, mFrom, mTo),
      counts,
      churned[i + 1]!,
      disciplineIn(d, mFrom, mTo, end),
      spendIn(d, mFrom, mTo),
    );
  });
  return {
    whole: figuresOf(
      sumsIn(d, from, to),
      whole,
      churned[count]!,
      disciplineIn(d, from, to, w.to),
      spendIn(d, from, to),
    ),
    series,
  };
}
