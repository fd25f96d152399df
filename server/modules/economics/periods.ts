// Calendar periods of the economics endpoints (pure): a month, quarter or year is numbered by an
// index (months since year 0, quarters since year 0, the year), so gaps and windows are integer
// arithmetic. Dates are calendar dates YYYY-MM-DD; a window [from, to) must start and end on
// period boundaries.
import { periodIndex, periodStart, type PeriodUnit } from '../../lib/periods.ts';

export {
  isPeriodBoundary,
  MONTHS,
  PERIOD_UNITS,
  periodIndex,
  periodLabel,
  periodStart,
  type PeriodUnit,
} from '../../lib/periods.ts';

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
