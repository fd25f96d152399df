// The figures of METRICS.md "Transactions" for a window [from, to) (pure, no I/O): revenue,
// margin, N, Q, APPN, ARPPU, ARPU, new clients, CAC, profit, payment discipline and churn. Money
// is integer minor units here; ratios are null when their denominator is 0. The service loads
// the rows (already narrowed to the clients of a segment or manager) and presents the result.
import { churnAfterPeriods, daysBetween, periodIndex, type PeriodUnit } from './periods.ts';

export interface TxRow {
  clientId: string;
  kind: 'sale' | 'refund';
  /** YYYY-MM-DD */
  date: string;
  amountMinor: number;
  costMinor: number | null;
}
export interface DueRow {
  /** Absent in pure examples that need no client. */
  clientId?: string;
  dueDate: string;
  paidAt: string | null;
}
/** A feedback record of a client, by its UTC calendar date. */
export interface FeedbackRow {
  clientId: string;
  date: string;
}
/** Spend of a month ('YYYY-MM'), all channels. */
export interface SpendRow {
  period: string;
  amountMinor: number;
}

export interface FigureData {
  /** Every transaction dated before the end of the whole window (history included). */
  transactions: readonly TxRow[];
  /** Sales whose due date is in the whole window. */
  due: readonly DueRow[];
  feedback: readonly FeedbackRow[];
  /** null when spend cannot be attributed (a segment or manager filter): CAC and profit null. */
  spend: readonly SpendRow[] | null;
  /** The organisation's fixed threshold in periods of the unit asked; null = the default rule. */
  churnAfterPeriods?: number | null;
}

export interface Window {
  from: string;
  to: string;
}

export interface Figures {
  revenueMinor: number;
  marginMinor: number;
  costCoverage: number | null;
  payingClients: number;
  activeClients: number;
  purchases: number;
  q: number | null;
  appnMinor: number | null;
  arppuMinor: number | null;
  arpuMinor: number | null;
  newClients: number;
  cacMinor: number | null;
  profitMinor: number | null;
  onTimeShare: number | null;
  meanDaysLate: number | null;
  churnedClients: number;
}

const inWindow = (date: string, w: Window) => date >= w.from && date < w.to;
export const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
/** Minor units of a money ratio, rounded half away from zero to the kopeck. */
export const moneyRatio = (a: number, b: number) =>
  b === 0 ? null : Math.sign(a / b) * Math.round(Math.abs(a / b));

/** The first sale date of each client with a sale among `rows`. */
export function firstSales(rows: readonly TxRow[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const r of rows)
    if (r.kind === 'sale' && !(first.get(r.clientId)! <= r.date)) first.set(r.clientId, r.date);
  return first;
}

/** Clients churned at the end of `w`: they bought before `w.to` and have been idle too long. */
export function churnedAt(
  rows: readonly TxRow[],
  w: Window,
  unit: PeriodUnit,
  fixed: number | null = null,
): number {
  const endIndex = periodIndex(w.to, unit);
  const periods = new Map<string, Set<number>>();
  for (const r of rows) {
    if (r.kind !== 'sale' || r.date >= w.to) continue;
    const set = periods.get(r.clientId) ?? new Set<number>();
    set.add(periodIndex(r.date, unit));
    periods.set(r.clientId, set);
  }
  let churned = 0;
  for (const set of periods.values()) {
    const paying = [...set].sort((a, b) => a - b);
    const idle = endIndex - paying[paying.length - 1]! - 1;
    if (idle > (fixed ?? churnAfterPeriods(paying))) churned += 1;
  }
  return churned;
}

/** On-time share and mean days late of the sales due in `w`; unpaid ones count up to `w.to`. */
export function paymentDiscipline(due: readonly DueRow[], w: Window) {
  let dueCount = 0;
  let onTime = 0;
  let lateDays = 0;
  let late = 0;
  for (const d of due) {
    if (!inWindow(d.dueDate, w)) continue;
    dueCount += 1;
    const settled = d.paidAt !== null && d.paidAt < w.to ? d.paidAt : w.to;
    if (d.paidAt !== null && d.paidAt <= d.dueDate) onTime += 1;
    else {
      late += 1;
      lateDays += daysBetween(d.dueDate, settled);
    }
  }
  return { onTimeShare: ratio(onTime, dueCount), meanDaysLate: ratio(lateDays, late) };
}

export function figuresFor(w: Window, unit: PeriodUnit, data: FigureData): Figures {
  let revenue = 0;
  let cost = 0;
  let salesAmount = 0;
  let costedAmount = 0;
  let purchases = 0;
  const paying = new Set<string>();
  for (const r of data.transactions) {
    if (!inWindow(r.date, w)) continue;
    const sign = r.kind === 'sale' ? 1 : -1;
    revenue += sign * r.amountMinor;
    cost += sign * (r.costMinor ?? 0);
    if (r.kind === 'sale') {
      purchases += 1;
      paying.add(r.clientId);
      salesAmount += r.amountMinor;
      if (r.costMinor !== null) costedAmount += r.amountMinor;
    }
  }
  const active = new Set(paying);
  for (const f of data.feedback) if (inWindow(f.date, w)) active.add(f.clientId);
  let newClients = 0;
  for (const [, first] of firstSales(data.transactions)) if (inWindow(first, w)) newClients += 1;
  const margin = revenue - cost;
  const spend = data.spend?.reduce(
    (sum, s) => (inWindow(`${s.period}-01`, w) ? sum + s.amountMinor : sum),
    0,
  );
  const n = paying.size;
  return {
    revenueMinor: revenue,
    marginMinor: margin,
    costCoverage: ratio(costedAmount, salesAmount),
    payingClients: n,
    activeClients: active.size,
    purchases,
    q: ratio(purchases, n),
    appnMinor: moneyRatio(revenue, purchases),
    arppuMinor: moneyRatio(revenue, n),
    arpuMinor: moneyRatio(revenue, active.size),
    newClients,
    cacMinor: spend ? moneyRatio(spend, newClients) : null,
    profitMinor: spend === undefined ? null : margin - spend,
    ...paymentDiscipline(data.due, w),
    churnedClients: churnedAt(data.transactions, w, unit, data.churnAfterPeriods ?? null),
  };
}
