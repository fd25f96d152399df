// The period a drill-down link names (2026-03 or 2026-Q1): the same Period the scorecard computed
// for that label in the organisation's time zone, and the end of the period after it (retention
// is measured once that has passed). Pure but for the refusal (422 naming query.period).
import { AppError } from '../../http/errors.ts';
import type { ScorecardPeriod } from '../../../shared/api/scorecard.ts';
import { periodsOf, type Period } from './periods.ts';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const pad = (n: number) => String(n).padStart(2, '0');

export interface DrillPeriod {
  unit: ScorecardPeriod;
  period: Period;
  /** The first day after the next period (YYYY-MM-DD). */
  nextTo: string;
}

function startOf(label: string): { unit: ScorecardPeriod; year: number; month: number } | null {
  const m = MONTH_RE.exec(label);
  if (m) return { unit: 'month', year: Number(m[1]), month: Number(m[2]) };
  const q = QUARTER_RE.exec(label);
  if (q) return { unit: 'quarter', year: Number(q[1]), month: (Number(q[2]) - 1) * 3 + 1 };
  return null;
}

export function drillPeriod(label: string, timeZone: string, now: Date): DrillPeriod {
  const start = startOf(label);
  // Years far outside the calendar the organisation can have data in are refused like any typo.
  if (!start || start.year < 1900 || start.year > 9998)
    throw new AppError('unprocessable', `query.period: not a period label`, {
      invalidParams: [{ name: 'query.period', reason: 'a month YYYY-MM or a quarter YYYY-Qn' }],
    });
  const step = start.unit === 'month' ? 1 : 3;
  const first = start.year * 12 + start.month - 1;
  const day = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}-01`;
  const { periods } = periodsOf(
    { period: start.unit, from: day(first), to: day(first + 2 * step) },
    timeZone,
    now,
  );
  return { unit: start.unit, period: periods[0]!, nextTo: periods[1]!.nextDay };
}
