// The scorecard's periods: calendar months or quarters in the organisation's time zone; a window
// [from, to) of whole periods given as dates YYYY-MM-DD on period boundaries. Pure but for the
// refusals (422 naming the query parameter).
import { AppError } from '../../http/errors.ts';
import type { ScorecardPeriod } from '../../../shared/api/scorecard.ts';
import { localParts, zonedTimeToInstant } from '../cases/index.ts';

export interface Period {
  /** 2026-03 or 2026-Q1. */
  label: string;
  /** The period's bounds as instants (ISO, UTC) in the time zone. */
  from: string;
  to: string;
  /** Its calendar months, YYYY-MM. */
  months: string[];
  /** Its first day and the first day of the next period, YYYY-MM-DD (for date columns). */
  firstDay: string;
  nextDay: string;
}

const MONTHS: Record<ScorecardPeriod, number> = { month: 1, quarter: 3 };
export const MAX_PERIODS = 36;
const DATE_RE = /^(\d{4})-(\d\d)-(\d\d)$/;
const pad = (n: number) => String(n).padStart(2, '0');
const monthLabel = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;

const bad = (name: string, reason: string) =>
  new AppError('unprocessable', `query.${name}: ${reason}`, {
    invalidParams: [{ name: `query.${name}`, reason }],
  });

/** Months since year 0 of a period-boundary date, or a 422 naming the parameter. */
function boundary(date: string, unit: ScorecardPeriod, name: string): number {
  const m = DATE_RE.exec(date);
  const ok = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && m[3] === '01';
  const month = ok ? Number(m[1]) * 12 + Number(m[2]) - 1 : NaN;
  if (!ok || month % MONTHS[unit] !== 0) throw bad(name, `the first day of a ${unit}, YYYY-MM-DD`);
  return month;
}

function instant(month: number, timeZone: string): string {
  const y = Math.floor(month / 12);
  return new Date(zonedTimeToInstant(y, (month % 12) + 1, 1, 0, 0, timeZone)).toISOString();
}

/**
 * The periods of the window. Without `to`: up to the end of the current period; without `from`:
 * six months before `to` (two quarters).
 */
export function periodsOf(
  q: { period: ScorecardPeriod; from?: string; to?: string },
  timeZone: string,
  now: Date,
  /** Periods to add before `from` (the layered scorecard's "previous" value). */
  extraBefore = 0,
): { fromDate: string; toDate: string; periods: Period[] } {
  const step = MONTHS[q.period];
  const today = localParts(now.getTime(), timeZone);
  const current = today.year * 12 + today.month - 1;
  const to = q.to ? boundary(q.to, q.period, 'to') : current - (current % step) + step;
  const from = q.from ? boundary(q.from, q.period, 'from') : to - 6;
  if (to <= from) throw bad('to', 'must be after from');
  if ((to - from) / step > MAX_PERIODS) throw bad('to', `at most ${MAX_PERIODS} periods`);
  const periods: Period[] = [];
  for (let m = from - extraBefore * step; m < to; m += step) {
    const months = Array.from({ length: step }, (_, i) => monthLabel(m + i));
    const label =
      q.period === 'month' ? months[0]! : `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
    periods.push({
      label,
      from: instant(m, timeZone),
      to: instant(m + step, timeZone),
      months,
      firstDay: `${monthLabel(m)}-01`,
      nextDay: `${monthLabel(m + step)}-01`,
    });
  }
  return { fromDate: `${monthLabel(from)}-01`, toDate: `${monthLabel(to)}-01`, periods };
}

/** The period boundary `count` periods after the boundary date `date` (YYYY-MM-01). */
export function boundaryAfter(date: string, unit: ScorecardPeriod, count = 1): string {
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + count * MONTHS[unit];
  return `${monthLabel(month)}-01`;
}
