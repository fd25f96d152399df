// One client's economics at a day `asOf` (pure, no I/O): METRICS.md's per-client figures —
// paying periods, lifetime span, idle periods, historical LTV, payment discipline, share of
// wallet, churn — and the revenue series. Money in minor units; only documents dated on or
// before `asOf` count. "The last 12 months" is (asOf − 12 months, asOf].
import { churnedAt, paymentDiscipline, type DueRow, type TxRow } from './figures.ts';
import { churnAfterPeriods, periodIndex, periodLabel, type PeriodUnit } from './periods.ts';

export interface ClientTx extends TxRow {
  dueDate: string | null;
  paidAt: string | null;
}

export interface ClientFigures {
  revenue12mMinor: number;
  margin12mMinor: number;
  payingPeriods: number;
  lifetimeSpan: number;
  idlePeriods: number;
  historicalLtvMinor: number;
  onTimeShare: number | null;
  meanDaysLate: number | null;
  shareOfWallet: number | null;
  churned: boolean;
  churnAfterPeriods: number;
  firstSaleAt: string | null;
  lastSaleAt: string | null;
  series: { period: string; revenueMinor: number; marginMinor: number; purchases: number }[];
}

/** The calendar date `months` months before `date` (the day clamped to the month's length). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The next calendar date. */
export const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const signed = (r: TxRow, minor: number | null) => (r.kind === 'sale' ? 1 : -1) * (minor ?? 0);

export function clientFigures(
  rows: readonly ClientTx[],
  asOf: string,
  unit: PeriodUnit,
  fixedChurn: number | null,
  budgetMinor: number | null,
  maxSeries: number,
): ClientFigures {
  const history = rows.filter((r) => r.date <= asOf);
  const yearAgo = monthsBefore(asOf, 12);
  const last12 = history.filter((r) => r.date > yearAgo);
  const margin = (list: readonly TxRow[]) =>
    list.reduce((s, r) => s + signed(r, r.amountMinor) - signed(r, r.costMinor), 0);
  const revenue12 = last12.reduce((s, r) => s + signed(r, r.amountMinor), 0);
  const sales = history
    .filter((r) => r.kind === 'sale')
    .map((r) => r.date)
    .sort();
  const paying = [...new Set(sales.map((d) => periodIndex(d, unit)))].sort((a, b) => a - b);
  const lifetime = paying.length ? paying[paying.length - 1]! - paying[0]! + 1 : 0;
  const window = { from: nextDay(yearAgo), to: nextDay(asOf) };
  const due: DueRow[] = history
    .filter((r) => r.kind === 'sale' && r.dueDate !== null)
    .map((r) => ({
      dueDate: r.dueDate!,
      paidAt: r.paidAt !== null && r.paidAt <= asOf ? r.paidAt : null,
    }));
  const threshold = fixedChurn ?? churnAfterPeriods(paying);

  const byPeriod = new Map<
    number,
    { revenueMinor: number; marginMinor: number; purchases: number }
  >();
  const start = history.length ? periodIndex(history.map((r) => r.date).sort()[0]!, unit) : null;
  const end = periodIndex(asOf, unit);
  if (start !== null)
    for (let i = Math.max(start, end - maxSeries + 1); i <= end; i++)
      byPeriod.set(i, { revenueMinor: 0, marginMinor: 0, purchases: 0 });
  for (const r of history) {
    const p = byPeriod.get(periodIndex(r.date, unit));
    if (!p) continue;
    p.revenueMinor += signed(r, r.amountMinor);
    p.marginMinor += signed(r, r.amountMinor) - signed(r, r.costMinor);
    if (r.kind === 'sale') p.purchases += 1;
  }

  return {
    revenue12mMinor: revenue12,
    margin12mMinor: margin(last12),
    payingPeriods: paying.length,
    lifetimeSpan: lifetime,
    idlePeriods: lifetime - paying.length,
    historicalLtvMinor: margin(history),
    ...paymentDiscipline(due, window),
    shareOfWallet: budgetMinor ? revenue12 / budgetMinor : null,
    churned: churnedAt(history, window, unit, fixedChurn) > 0,
    churnAfterPeriods: threshold,
    firstSaleAt: sales[0] ?? null,
    lastSaleAt: sales[sales.length - 1] ?? null,
    series: [...byPeriod].map(([i, p]) => ({ period: periodLabel(i, unit), ...p })),
  };
}
