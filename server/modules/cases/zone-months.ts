// Months and quarters of an organisation's time zone for the rollups (feedback scores, cases):
// a month is [the 1st 00:00, the next 1st 00:00) in the zone, the same boundary instants the
// scorecard's periods use (zonedTimeToInstant), so rollups and live reads agree. Pure.
import { localParts, zonedTimeToInstant } from './sla.ts';

const pad = (n: number) => String(n).padStart(2, '0');
export const monthLabel = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
export const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Start instants (ms) of months in a zone, remembered: writers ask for few of them. */
const starts = new Map<string, number>();
export function monthStart(m: number, timeZone: string): number {
  const key = `${timeZone}|${m}`;
  let at = starts.get(key);
  if (at === undefined) {
    if (starts.size > 10_000) starts.clear();
    at = zonedTimeToInstant(Math.floor(m / 12), (m % 12) + 1, 1, 0, 0, timeZone);
    starts.set(key, at);
  }
  return at;
}

/**
 * The last month found per zone with its [start, next start): the intake's rollups ask for this
 * month again and again, and Intl's formatToParts (localParts) costs ~9 µs a call (issue 20).
 */
const lastMonths = new Map<string, { m: number; from: number; to: number }>();

/** The month index (months since year 0) of the zone the instant (ms) falls in. */
export function monthIndexOf(t: number, timeZone: string): number {
  const last = lastMonths.get(timeZone);
  if (last && t >= last.from && t < last.to) return last.m;
  const p = localParts(t, timeZone);
  let m = p.year * 12 + p.month - 1;
  // A zone whose midnight of the 1st does not exist (a DST jump at 00:00) starts its month at
  // another instant; the boundaries decide, as they do for the scorecard.
  if (t < monthStart(m, timeZone)) m -= 1;
  else if (t >= monthStart(m + 1, timeZone)) m += 1;
  const [from, to] = [monthStart(m, timeZone), monthStart(m + 1, timeZone)];
  // Kept only when the boundaries agree, so a hit answers what the lines above would.
  if (t >= from && t < to) {
    if (lastMonths.size > 1_000) lastMonths.clear();
    lastMonths.set(timeZone, { m, from, to });
  }
  return m;
}

/** The month (YYYY-MM) of the zone the instant falls in. */
export const monthOfInstant = (instant: string, timeZone: string): string =>
  monthLabel(monthIndexOf(Date.parse(instant), timeZone));

/** The quarter label (YYYY-Qn) of a month index. */
export const quarterLabel = (m: number) => `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
