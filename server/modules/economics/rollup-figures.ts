// The figures of METRICS.md "Transactions" from the rollups (ADR 011; pure, no I/O): sums from
// the organisation's months, payment discipline from the due cells, and the client counts —
// paying, active, new, churned — from each client's month sets. Gives exactly what figures.ts
// gives from the transactions themselves (a test compares the two on random data).
import type { Figures, SpendRow, Window } from './figures.ts';
import { periodIndex, periodStart, type PeriodUnit } from './periods.ts';
import { epochDay, monthOf, type DueSums, type MonthSums } from './rollup-deltas.ts';

export interface RollupData {
  /** Organisation months in the whole window, by month index. */
  months: ReadonlyMap<number, MonthSums>;
  /** Due cells whose due month is in the whole window. */
  due: readonly (DueSums & { due_month: number; paid_month: number })[];
  /** Each client's months with a sale and with feedback, ascending. */
  clients: readonly { sales: readonly number[]; feedback: readonly number[] }[];
  spend: readonly SpendRow[] | null;
  churnAfterPeriods: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const moneyRatio = (a: number, b: number) =>
  b === 0 ? null : Math.sign(a / b) * Math.round(Math.abs(a / b));
const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/** Unique periods of `unit` holding the (ascending) months. */
function periodsOf(months: readonly number[], unit: PeriodUnit): number[] {
  const out: number[] = [];
  for (const m of months) {
    const p = Math.floor(m / MONTHS[unit]);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/** Insert into an ascending array. */
function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

/**
 * Adds 1 to `churned[e − first]` for every period end e in [first, last] at which the client is
 * churned: after paying period P_i (the last before e) the client is churned from
 * e = P_i + 2 + threshold_i until its next paying period, the threshold taken from the gaps up to
 * P_i (periods.ts churnAfterPeriods) or fixed by the organisation.
 */
function markChurn(
  paying: readonly number[],
  fixed: number | null,
  first: number,
  churned: number[],
): void {
  const gaps: number[] = [];
  for (let i = 0; i < paying.length; i++) {
    if (i > 0) insertSorted(gaps, paying[i]! - paying[i - 1]!);
    let threshold = fixed ?? 2;
    if (fixed === null && gaps.length) {
      const mid = gaps.length >> 1;
      const median = gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
      threshold = Math.max(2, 3 * median);
    }
    // Churned at e when e − P_i − 1 > threshold (the threshold may be fractional).
    const from = Math.max(first, Math.floor(paying[i]! + 1 + threshold) + 1);
    const to = Math.min(
      first + churned.length - 1,
      i + 1 < paying.length ? paying[i + 1]! : Infinity,
    );
    for (let e = from; e <= to; e++) churned[e - first]! += 1;
  }
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
  const per = Array.from({ length: count }, () => ({ paying: 0, active: 0, newClients: 0 }));
  const whole: Counts = { paying: 0, active: 0, newClients: 0 };
  const churned = new Array<number>(count + 1).fill(0); // by period end, first … first + count
  for (const c of d.clients) {
    const sales = periodsOf(c.sales, unit);
    const spoke = periodsOf(c.feedback, unit);
    const inWindow = (p: number) => p >= first && p < first + count;
    for (const p of sales) if (inWindow(p)) per[p - first]!.paying += 1;
    for (const p of new Set([...sales, ...spoke])) if (inWindow(p)) per[p - first]!.active += 1;
    const bought = c.sales.some((m) => m >= from && m < to);
    if (bought) whole.paying += 1;
    if (bought || c.feedback.some((m) => m >= from && m < to)) whole.active += 1;
    if (c.sales.length && inWindow(sales[0]!)) {
      per[sales[0]! - first]!.newClients += 1;
      whole.newClients += 1;
    }
    markChurn(sales, d.churnAfterPeriods, first, churned);
  }
  const series = per.map((counts, i) => {
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
