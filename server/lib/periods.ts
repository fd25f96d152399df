// Calendar periods (pure): a month, quarter or year is numbered by an index (months since year 0,
// quarters since year 0, the year), so gaps and windows are integer arithmetic. Dates are
// calendar dates YYYY-MM-DD. Shared by the economics, scorecard and pulse reports.
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
