// The satisfaction report's window in the organisation's time zone (issue 21): a calendar date
// is that day's midnight in the zone, and the previous period of a comparison has the same
// length in the unit the window is made of — whole months, else calendar days, else
// milliseconds — so "March 2026" compares with February, and 1–10 March with 19–28 February.
import { localParts, monthIndexOf, monthStart, zonedTimeToInstant } from '../cases/index.ts';
import { satisfactionWindow, type Window } from './period.ts';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A query bound as an instant: a calendar date is its midnight in `timeZone`. */
export function boundInstant(value: string | undefined, timeZone: string): string | undefined {
  const day = value === undefined ? null : DATE_ONLY.exec(value);
  if (!day) return value;
  const at = zonedTimeToInstant(Number(day[1]), Number(day[2]), Number(day[3]), 0, 0, timeZone);
  return new Date(at).toISOString();
}

/** The report's window: dates read in the zone, the defaults of satisfactionWindow otherwise. */
export function reportWindow(now: Date, timeZone: string, from?: string, to?: string): Window {
  return satisfactionWindow(now, boundInstant(from, timeZone), boundInstant(to, timeZone));
}

/** The local calendar day of an instant when it is that day's midnight in the zone, else null. */
function midnightDay(t: number, timeZone: string): number | null {
  const p = localParts(t, timeZone);
  const day = Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
  return zonedTimeToInstant(p.year, p.month, p.day, 0, 0, timeZone) === t ? day : null;
}

/** The month index when the instant is a month's start in the zone, else null. */
function monthBoundary(t: number, timeZone: string): number | null {
  const m = monthIndexOf(t, timeZone);
  return monthStart(m, timeZone) === t ? m : null;
}

export interface PreviousWindow extends Window {
  /** Months between the two starts when the window is whole months; null otherwise. */
  monthsBack: number | null;
}

/** The period of equal length that ends where `w` starts. */
export function previousWindow(w: Window, timeZone: string): PreviousWindow {
  const from = Date.parse(w.from);
  const to = Date.parse(w.to);
  const iso = (t: number) => new Date(t).toISOString();
  const [m0, m1] = [monthBoundary(from, timeZone), monthBoundary(to, timeZone)];
  if (m0 !== null && m1 !== null) {
    const months = m1 - m0;
    return { from: iso(monthStart(m0 - months, timeZone)), to: w.from, monthsBack: months };
  }
  const [d0, d1] = [midnightDay(from, timeZone), midnightDay(to, timeZone)];
  if (d0 !== null && d1 !== null) {
    const start = new Date((d0 - (d1 - d0)) * 86_400_000);
    const at = zonedTimeToInstant(
      start.getUTCFullYear(),
      start.getUTCMonth() + 1,
      start.getUTCDate(),
      0,
      0,
      timeZone,
    );
    return { from: iso(at), to: w.from, monthsBack: null };
  }
  return { from: iso(from - (to - from)), to: w.from, monthsBack: null };
}
