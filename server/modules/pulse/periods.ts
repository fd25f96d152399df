// Calendar periods of the eNPS reports (pure): the same numbering as the economics periods
// (months since year 0 / MONTHS per unit), written again here because pulse (loop) may not
// import analytics. Days are the organisation's local calendar days, YYYY-MM-DD.
import { AppError } from '../../http/errors.ts';

export type PeriodUnit = 'month' | 'quarter' | 'year';
const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };
/** Windows longer than this many periods are refused (400). */
export const MAX_PERIODS = 120;
/** The default window: the running period and the five before it. */
export const DEFAULT_PERIODS = 6;

export function periodIndex(date: string, unit: PeriodUnit): number {
  const months = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return Math.floor(months / MONTHS[unit]);
}

export function periodStart(index: number, unit: PeriodUnit): string {
  const months = index * MONTHS[unit];
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

export function periodLabel(index: number, unit: PeriodUnit): string {
  const start = periodStart(index, unit);
  if (unit === 'month') return start.slice(0, 7);
  if (unit === 'year') return start.slice(0, 4);
  return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function bad(name: string, reason: string): AppError {
  return new AppError('validation_failed', 'The window is not valid', {
    invalidParams: [{ name: `query.${name}`, reason }],
  });
}

/** [from, to) of whole periods; defaults to the last DEFAULT_PERIODS periods up to `today`. */
export function windowOf(
  unit: PeriodUnit,
  today: string,
  q: { from?: string; to?: string },
): { from: string; to: string; first: number; last: number } {
  const to = q.to ?? periodStart(periodIndex(today, unit) + 1, unit);
  const from = q.from ?? periodStart(periodIndex(to, unit) - DEFAULT_PERIODS, unit);
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(value)) throw bad(name, 'a calendar date YYYY-MM-DD');
    if (periodStart(periodIndex(value, unit), unit) !== value)
      throw bad(name, `the first day of a ${unit}`);
  }
  const first = periodIndex(from, unit);
  const last = periodIndex(to, unit) - 1;
  if (last < first) throw bad('to', 'must be after from');
  if (last - first + 1 > MAX_PERIODS) throw bad('to', `at most ${MAX_PERIODS} periods`);
  return { from, to, first, last };
}
