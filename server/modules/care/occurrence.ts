// When an important date next falls. Pure, so the calendar rules are table-tested.
//
// Rules:
// - "Today" is the calendar day of `now` in `timeZone` (a birthday is a local-day event).
// - A one-off date occurs once: on its date if that is today or later, else never (null).
// - A recurring date occurs every year on the same month and day, starting from its own date
//   (a contract renewal recurring from 2027-03-01 does not occur in 2026).
// - 29 February, recurring, falls on 28 February in non-leap years (the last day of February,
//   so the greeting is never late), and on 29 February in leap years.

export interface Occurrence {
  /** YYYY-MM-DD */
  date: string;
  daysUntil: number;
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function onYear(month: number, day: number, year: number): string {
  const d = month === 2 && day === 29 && !isLeap(year) ? 28 : day;
  return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function nextOccurrence(
  date: string,
  recurring: boolean,
  now: Date,
  timeZone: string,
): Occurrence | null {
  const today = localDay(now, timeZone);
  if (date >= today) return { date, daysUntil: daysBetween(today, date) };
  if (!recurring) return null;
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  const year = Number(today.slice(0, 4));
  let next = onYear(month, day, year);
  if (next < today) next = onYear(month, day, year + 1);
  return { date: next, daysUntil: daysBetween(today, next) };
}
