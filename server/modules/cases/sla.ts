// SLA due times in business hours of a time zone, skipping holidays. Pure (Intl only), so the
// arithmetic is tested table-driven, including daylight-saving shifts.

/** Working intervals per ISO weekday (1 = Monday … 7 = Sunday), as "HH:MM" pairs in local time. */
export type WeeklyHours = Partial<
  Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>
>;

export interface BusinessCalendar {
  timeZone: string;
  /** null: round the clock. */
  hours: WeeklyHours | null;
  /** Local dates YYYY-MM-DD with no working hours. */
  holidays: string[];
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export function localParts(instant: number, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTimeToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Memo of the pure day computations below, which the business-minute loops repeat for every day
 * of every case (the scorecard computes them for each case of a window: formatToParts is the cost,
 * docs/BENCHMARKS.md, issue 16). Keyed by the time zone or the calendar object and the local date;
 * emptied when large, so a long-running process does not grow it without bound.
 */
const MEMO_LIMIT = 50_000;
const nextDays = new Map<string, { at: number; parts: LocalParts }>();
const dayIntervals = new WeakMap<BusinessCalendar, Map<string, Array<[number, number]>>>();
const dateKey = (p: LocalParts) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;

/** The working intervals [open, close) of the local day `p` under `cal`, as instants, in order. */
function workingIntervals(p: LocalParts, cal: BusinessCalendar): Array<[number, number]> {
  const date = dateKey(p);
  let memo = dayIntervals.get(cal);
  if (!memo) dayIntervals.set(cal, (memo = new Map()));
  const known = memo.get(date);
  if (known) return known;
  if (memo.size > MEMO_LIMIT) memo.clear();
  const intervals = computeWorkingIntervals(p, date, cal);
  memo.set(date, intervals);
  return intervals;
}

function computeWorkingIntervals(
  p: LocalParts,
  date: string,
  cal: BusinessCalendar,
): Array<[number, number]> {
  if (cal.holidays.includes(date)) return [];
  const at = (minutes: number) =>
    zonedTimeToInstant(
      p.year,
      p.month,
      p.day,
      Math.floor(minutes / 60),
      minutes % 60,
      cal.timeZone,
    );
  return [...(cal.hours?.[String(p.weekday) as '1'] ?? [])]
    .sort((a, b) => toMinutes(a[0]) - toMinutes(b[0]))
    .map(([from, to]): [number, number] => [at(toMinutes(from)), at(toMinutes(to))]);
}

/** The next local day of `p`: its midnight as an instant and its local parts at that midnight. */
function nextLocalDay(p: LocalParts, timeZone: string): { at: number; parts: LocalParts } {
  const key = `${timeZone}|${dateKey(p)}`;
  const known = nextDays.get(key);
  if (known) return known;
  if (nextDays.size > MEMO_LIMIT) nextDays.clear();
  const at = nextLocalMidnight(p, timeZone);
  const day = { at, parts: localParts(at, timeZone) };
  nextDays.set(key, day);
  return day;
}

/** Midnight of the local day after `p` (noon + 1 day avoids DST edge cases, then back to 00:00). */
function nextLocalMidnight(p: LocalParts, timeZone: string): number {
  const next = localParts(
    zonedTimeToInstant(p.year, p.month, p.day, 12, 0, timeZone) + 86_400_000,
    timeZone,
  );
  return zonedTimeToInstant(next.year, next.month, next.day, 0, 0, timeZone);
}

/** `start` plus `minutes` of working time under `cal`. */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  if (!cal.hours || minutes <= 0) return new Date(start.getTime() + Math.max(0, minutes) * 60_000);
  let remaining = minutes;
  let cursor = start.getTime();
  let p = localParts(cursor, cal.timeZone);
  for (let day = 0; day < 800; day++) {
    for (const [open, close] of workingIntervals(p, cal)) {
      if (cursor >= close) continue;
      const begin = Math.max(cursor, open);
      const available = (close - begin) / 60_000;
      if (remaining <= available) return new Date(begin + remaining * 60_000);
      remaining -= available;
      cursor = close;
    }
    ({ at: cursor, parts: p } = nextLocalDay(p, cal.timeZone));
  }
  throw new Error('the business calendar has no working time in the next 800 days');
}

/**
 * Working minutes under `cal` from `start` to `end` (0 when end is not after start): the time
 * the SLA clock runs, so a weekend, a holiday or a night in between does not count. Round the
 * clock (`hours` null) it is the wall-clock difference.
 */
export function businessMinutesBetween(start: Date, end: Date, cal: BusinessCalendar): number {
  const a = start.getTime();
  const b = end.getTime();
  if (b <= a) return 0;
  if (!cal.hours) return (b - a) / 60_000;
  let total = 0;
  let p = localParts(a, cal.timeZone);
  for (let cursor = a; cursor < b;) {
    for (const [open, close] of workingIntervals(p, cal))
      total += Math.max(0, Math.min(close, b) - Math.max(open, a));
    ({ at: cursor, parts: p } = nextLocalDay(p, cal.timeZone));
  }
  return total / 60_000;
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/Moscow',
  hours: {
    '1': [['09:00', '18:00']],
    '2': [['09:00', '18:00']],
    '3': [['09:00', '18:00']],
    '4': [['09:00', '18:00']],
    '5': [['09:00', '18:00']],
  },
  holidays: [],
};

/** Built-in targets when an organisation has no SLA policy: first answer in 4 working hours, resolution in 2 working days. */
export const DEFAULT_TARGETS = { firstResponseMinutes: 4 * 60, resolutionMinutes: 2 * 9 * 60 };
