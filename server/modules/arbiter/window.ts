// The arbiter's window: whole months [from, to) in the organisation's time zone (default: the
// last full month), the window of the same length before it (the churn history), and the
// months back for the drivers. Refusals are the scorecard's (422 naming from / to).
import type { ArbiterQuery } from '../../../shared/api/arbiter.ts';
import { monthsBack, periodsOf } from '../scorecard/index.ts';

export interface ArbiterWindow {
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
  previous: { from: string; fromInstant: string };
  /** The first day of the month `n` months before `to`. */
  monthsBack(n: number): string;
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const dayOf = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;

export function arbiterWindow(q: ArbiterQuery, timeZone: string, now: Date): ArbiterWindow {
  const fallback = monthsBack(now, timeZone, 1);
  const to = q.to ?? fallback.to;
  const from = q.from ?? dayOf(monthIndex(to) - 1);
  const { fromDate, toDate, periods } = periodsOf({ period: 'month', from, to }, timeZone, now);
  const length = periods.length;
  const before = periodsOf({ period: 'month', from: fromDate, to: toDate }, timeZone, now, length)
    .periods[0]!;
  return {
    from: fromDate,
    to: toDate,
    fromInstant: periods[0]!.from,
    toInstant: periods.at(-1)!.to,
    previous: { from: before.firstDay, fromInstant: before.from },
    monthsBack: (n) => dayOf(monthIndex(toDate) - n),
  };
}
