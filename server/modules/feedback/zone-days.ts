// Days of an organisation's time zone for the report counts (ADR 020): a day is [its 00:00, the
// next day's 00:00) in the zone, by the same boundary instants the satisfaction report reads a
// calendar date as (zonedTimeToInstant, metrics/report-window.ts), so counts and scans agree.
// A day is numbered by its calendar date (days since 1970-01-01). Pure.
import { localParts, zonedTimeToInstant } from '../cases/index.ts';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a day number. */
export const dayLabel = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
/** The day number of YYYY-MM-DD. */
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
/** YYYY-MM of a day number (the zone month the day belongs to). */
export const monthOfDay = (d: number) => dayLabel(d).slice(0, 7);
/** The day number of the 1st of a month index (months since year 0). */
export const firstDayOf = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;
/** The month index of a day number. */
export function monthIndexOfDay(d: number): number {
  const t = new Date(d * DAY_MS);
  return t.getUTCFullYear() * 12 + t.getUTCMonth();
}

/** Start instants (ms) of days in a zone, remembered: readers and writers ask for few. */
const starts = new Map<string, number>();
export function dayStart(d: number, timeZone: string): number {
  const key = `${timeZone}|${d}`;
  let at = starts.get(key);
  if (at === undefined) {
    if (starts.size > 50_000) starts.clear();
    const t = new Date(d * DAY_MS);
    at = zonedTimeToInstant(
      t.getUTCFullYear(),
      t.getUTCMonth() + 1,
      t.getUTCDate(),
      0,
      0,
      timeZone,
    );
    starts.set(key, at);
  }
  return at;
}

/**
 * The last day found per zone with its [start, next start): intake asks for today again and again,
 * and Intl's formatToParts (localParts) cost ~9 µs per record in the CPU profile (issue 20).
 */
const lastDays = new Map<string, { d: number; from: number; to: number }>();

/** The day of the zone the instant (ms) falls in, decided by the days' start instants. */
export function dayOf(t: number, timeZone: string): number {
  const last = lastDays.get(timeZone);
  if (last && t >= last.from && t < last.to) return last.d;
  const p = localParts(t, timeZone);
  let d = Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
  if (t < dayStart(d, timeZone)) d -= 1;
  else if (t >= dayStart(d + 1, timeZone)) d += 1;
  const [from, to] = [dayStart(d, timeZone), dayStart(d + 1, timeZone)];
  // Kept only when the boundaries agree, so a hit answers what the lines above would.
  if (t >= from && t < to) {
    if (lastDays.size > 1_000) lastDays.clear();
    lastDays.set(timeZone, { d, from, to });
  }
  return d;
}

/** The first day whose start is at or after the instant. */
export function dayAtOrAfter(t: number, timeZone: string): number {
  const d = dayOf(t, timeZone);
  return dayStart(d, timeZone) === t ? d : d + 1;
}

/** The UTC month (YYYY-MM) of an instant: the report's month groups. */
export const utcMonthOf = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
