// The figures of METRICS.md "Transactions" from the rollups (ADR 011; pure, no I/O): sums from
// the organisation's months, payment discipline from the due cells, and the client counts —
// paying, active, new, churned — from each client's month sets. Gives exactly what figures.ts
// gives from the transactions themselves (a test compares the two on random data).
import { moneyRatio, ratio, type Figures, type SpendRow, type Window } from './figures.ts';
import { MONTHS, periodIndex, periodStart, type PeriodUnit } from './periods.ts';
import { decodeMonthsInto } from './month-set.ts';
import { epochDay, monthOf, type DueSums, type MonthSums } from './rollup-deltas.ts';

export interface RollupData {
  /** Organisation months in the whole window, by month index. */
  months: ReadonlyMap<number, MonthSums>;
  /** Due cells whose due month is in the whole window. */
  due: readonly (DueSums & { due_month: number; paid_month: number })[];
  /** Each client's months with a sale and with feedback, as stored (month-set.ts). */
  clients: Iterable<{ saleMonths: string; feedbackMonths: string }>;
  spend: readonly SpendRow[] | null;
  churnAfterPeriods: number | null;
}

/** Inserts into the ascending `sorted[0 … n)` by shifting (n is tens at most). */
function insertSorted(sorted: number[], n: number, value: number): void {
  let j = n - 1;
  while (j >= 0 && sorted[j]! > value) {
    sorted[j + 1] = sorted[j]!;
    j--;
  }
  sorted[j + 1] = value;
}

/**
 * Adds 1 to `churned[e − first]` for every period end e in [first, last] at which the client is
 * churned: after paying period P_i (the last before e) the client is churned once
 * e − P_i − 1 > threshold_i, until its next paying period; the threshold comes from the gaps up
 * to P_i (periods.ts churnAfterPeriods: max(2, 3 × median)) or is fixed by the organisation.
 */
function markChurn(
  paying: readonly number[],
  count: number,
  fixed: number | null,
  first: number,
  churned: number[],
  gaps: number[],
): void {
  const lastEnd = first + churned.length - 1;
  for (let i = 0; i < count; i++) {
    // gaps[0 … i) stays sorted: the gaps between the paying periods up to P_i.
    if (i > 0) insertSorted(gaps, i - 1, paying[i]! - paying[i - 1]!);
    const next = i + 1 < count ? paying[i + 1]! : Infinity;
    const to = Math.min(lastEnd, next);
    if (to < Math.max(first, paying[i]! + 1 + Math.min(fixed ?? 2, 2))) continue;
    const mid = i >> 1;
    const median = i % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
    const threshold = fixed ?? (i === 0 ? 2 : Math.max(2, 3 * median));
    // Churned at e when e − P_i − 1 > threshold (the threshold may be fractional).
    const from = Math.max(first, Math.floor(paying[i]! + 1 + threshold) + 1);
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
  // Per period of the series, by offset from `first`.
  const paying = new Int32Array(count);
  const active = new Int32Array(count);
  const fresh = new Int32Array(count);
  const whole: Counts = { paying: 0, active: 0, newClients: 0 };
  const churned = new Array<number>(count + 1).fill(0); // by period end, first … first + count
  const k = MONTHS[unit];
  const inWindow = (p: number) => p >= first && p < first + count;
  // Scratch arrays, reused for every client: 20 000 clients allocate nothing each.
  const sales: number[] = [];
  const spoke: number[] = [];
  const pays: number[] = [];
  const gaps: number[] = [];
  for (const c of d.clients) {
    const ns = decodeMonthsInto(c.saleMonths, sales);
    const nf = decodeMonthsInto(c.feedbackMonths, spoke);
    let np = 0;
    for (let i = 0; i < ns; i++) {
      const p = Math.floor(sales[i]! / k);
      if (np === 0 || pays[np - 1] !== p) pays[np++] = p;
    }
    for (let i = 0; i < np; i++) if (inWindow(pays[i]!)) paying[pays[i]! - first]! += 1;
    // Active per period: the periods of sales and feedback merged, each counted once.
    let last = NaN;
    for (let i = 0, j = 0; i < ns || j < nf;) {
      const a = i < ns ? Math.floor(sales[i]! / k) : Infinity;
      const b = j < nf ? Math.floor(spoke[j]! / k) : Infinity;
      const p = a <= b ? a : b;
      if (a <= b) i++;
      else j++;
      if (p !== last && inWindow(p)) active[p - first]! += 1;
      last = p;
    }
    let bought = false;
    for (let i = 0; i < ns && !bought; i++) bought = sales[i]! >= from && sales[i]! < to;
    let spokeIn = false;
    for (let j = 0; j < nf && !spokeIn; j++) spokeIn = spoke[j]! >= from && spoke[j]! < to;
    if (bought) whole.paying += 1;
    if (bought || spokeIn) whole.active += 1;
    if (np && inWindow(pays[0]!)) {
      fresh[pays[0]! - first]! += 1;
      whole.newClients += 1;
    }
    markChurn(pays, np, d.churnAfterPeriods, first, churned, gaps);
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
