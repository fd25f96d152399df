// Calendar periods of the economics endpoints (pure): a month, quarter or year is numbered by an
// index (months since year 0, quarters since year 0, the year), so gaps and windows are integer
// arithmetic. Dates are calendar dates YYYY-MM-DD; a window [from, to) must start and end on
// period boundaries.
export const PERIOD_UNITS = ['month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Calendar months in a period of each unit. */
export const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/** The index of the period holding `date` (YYYY-MM-DD or YYYY-MM). */
export function periodIndex(date: string, unit: PeriodUnit): number {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return Math.floor(months / MONTHS[unit]);
}

/** The first day of period `index`, YYYY-MM-DD. */
export function periodStart(index: number, unit: PeriodUnit): string {
  const months = index * MONTHS[unit];
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** How a period is named in a series: 2026-01, 2026-Q1, 2026. */
export function periodLabel(index: number, unit: PeriodUnit): string {
  const start = periodStart(index, unit);
  if (unit === 'month') return start.slice(0, 7);
  if (unit === 'year') return start.slice(0, 4);
  return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

/** True when `date` is the first day of a period of `unit`. */
export function isPeriodBoundary(date: string, unit: PeriodUnit): boolean {
  return periodStart(periodIndex(date, unit), unit) === date;
}

/** Whole days from calendar date `a` to calendar date `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The median of a non-empty list (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Default `churnAfterPeriods` (no organisation setting yet): 3 × the median gap, at least 2. */
export function churnAfterPeriods(payingPeriods: readonly number[]): number {
  const gaps = payingPeriods.slice(1).map((p, i) => p - payingPeriods[i]!);
  return gaps.length ? Math.max(2, 3 * median(gaps)) : 2;
}
