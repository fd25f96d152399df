// Windows of the eNPS reports (pure) over the calendar periods of server/lib/periods.ts, the same
// numbering as the economics and scorecard reports. Days are the organisation's local calendar
// days, YYYY-MM-DD.
import { AppError } from '../../http/errors.ts';

import { periodIndex, periodStart, type PeriodUnit } from '../../lib/periods.ts';

export { periodIndex, periodLabel, periodStart, type PeriodUnit } from '../../lib/periods.ts';
/** Windows longer than this many periods are refused (400). */
export const MAX_PERIODS = 120;
/** The default window: the running period and the five before it. */
export const DEFAULT_PERIODS = 6;

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
