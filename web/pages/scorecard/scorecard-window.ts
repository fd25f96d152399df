// The scorecard's window as the URL carries it (period, from, to — the API's own parameters, so
// a link and the report buttons say the same): read with defaults, and chosen as "the last
// period" plus "how many periods". First days YYYY-MM-DD; the server applies the organisation's
// time zone to them. Pure.
import type { ScorecardPeriod } from '../../api/scorecard-layers.ts';
import { periodStart, shiftPeriods } from '../economics/periods.ts';

export const SCORECARD_PERIODS: readonly ScorecardPeriod[] = ['month', 'quarter'];
/** Window lengths offered, in periods; the API takes at most 36. */
export const LENGTHS: Record<ScorecardPeriod, readonly number[]> = {
  month: [3, 6, 12, 24],
  quarter: [2, 4, 8, 12],
};
const DEFAULT_LENGTH: Record<ScorecardPeriod, number> = { month: 6, quarter: 4 };
/** How many recent periods the "last period" list offers. */
const END_CHOICES: Record<ScorecardPeriod, number> = { month: 24, quarter: 12 };
const MAX_PERIODS = 36;

export interface ScorecardWindow {
  period: ScorecardPeriod;
  /** The first day of the window's last period (its value is the scorecard's value). */
  end: string;
  /** Periods in the window. */
  length: number;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d\d-\d\d$/;
const isStart = (day: string | undefined, unit: ScorecardPeriod): day is string =>
  Boolean(day && DAY.test(day) && periodStart(new Date(`${day}T00:00:00Z`), unit) === day);

function periodsBetween(from: string, to: string, unit: ScorecardPeriod): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ((ty - fy) * 12 + (tm - fm)) / (unit === 'month' ? 1 : 3);
}

export function windowOf(period: ScorecardPeriod, end: string, length: number): ScorecardWindow {
  return {
    period,
    end,
    length,
    from: shiftPeriods(end, period, -(length - 1)),
    to: shiftPeriods(end, period, 1),
  };
}

/**
 * The window the URL names, or the default: `DEFAULT_LENGTH` periods ending with the last full
 * one (the current period is a choice away; early in a month it has little to say).
 */
export function readWindow(params: Record<string, string>, today = new Date()): ScorecardWindow {
  const period: ScorecardPeriod = params.period === 'quarter' ? 'quarter' : 'month';
  const { from, to } = params;
  if (isStart(from, period) && isStart(to, period)) {
    const length = periodsBetween(from, to, period);
    if (length >= 1 && length <= MAX_PERIODS)
      return windowOf(period, shiftPeriods(to, period, -1), length);
  }
  const lastFull = shiftPeriods(periodStart(today, period), period, -1);
  return windowOf(period, lastFull, DEFAULT_LENGTH[period]);
}

/** The same window's end in another unit (the period holding it), with that unit's default length. */
export function switchPeriod(w: ScorecardWindow, period: ScorecardPeriod): ScorecardWindow {
  return windowOf(
    period,
    periodStart(new Date(`${w.end}T00:00:00Z`), period),
    DEFAULT_LENGTH[period],
  );
}

/** Choices for the last period: the current one and those before it, newest first. */
export function endChoices(period: ScorecardPeriod, today = new Date()): string[] {
  const current = periodStart(today, period);
  return Array.from({ length: END_CHOICES[period] }, (_, i) => shiftPeriods(current, period, -i));
}

/** The window as query parameters (the page's URL, the reports' links). */
export const windowParams = (w: ScorecardWindow) => ({ period: w.period, from: w.from, to: w.to });

/**
 * The arbiter's window of whole months (from, to in the URL); by default the last full month,
 * as the API's own default.
 */
export function readMonthWindow(params: Record<string, string>, today = new Date()) {
  const { from, to } = params;
  if (isStart(from, 'month') && isStart(to, 'month')) {
    const length = periodsBetween(from, to, 'month');
    if (length >= 1 && length <= MAX_PERIODS)
      return windowOf('month', shiftPeriods(to, 'month', -1), length);
  }
  return windowOf('month', shiftPeriods(periodStart(today, 'month'), 'month', -1), 1);
}

/** The default-length window ending with a period the API names (2026-11, 2026-Q3), or null. */
export function windowEndingWith(label: string): ScorecardWindow | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) {
    const month = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0');
    return windowOf('quarter', `${quarter[1]}-${month}-01`, DEFAULT_LENGTH.quarter);
  }
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label))
    return windowOf('month', `${label}-01`, DEFAULT_LENGTH.month);
  return null;
}
