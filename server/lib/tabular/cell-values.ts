// Reading dates and scores the way Russian and English spreadsheets write them. Pure.

const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date cell → ISO-8601 UTC, or undefined when it is not a date. Accepts ISO with an offset,
 * ISO without one, DD.MM.YYYY and DD.MM.YYYY HH:MM[:SS]; times without an offset are wall-clock
 * times in `timeZone`.
 */
export function parseDate(text: string, timeZone: string): string | undefined {
  const s = text.trim();
  if (ISO_WITH_OFFSET.test(s)) {
    const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(d.getTime()) || !sameCalendarDay(s) ? undefined : d.toISOString();
  }
  let parts: number[] | undefined;
  const iso = ISO_LOCAL.exec(s);
  if (iso)
    parts = [
      +iso[1]!,
      +iso[2]!,
      +iso[3]!,
      +(iso[4] ?? 0),
      +(iso[5] ?? 0),
      +(iso[6] ?? 0),
      +(iso[7]?.padEnd(3, '0') ?? 0),
    ];
  const ru = RU_DATE.exec(s);
  if (ru) parts = [+ru[3]!, +ru[2]!, +ru[1]!, +(ru[4] ?? 0), +(ru[5] ?? 0), +(ru[6] ?? 0), 0];
  if (!parts) return undefined;
  const [y, mo, d, h, mi, sec, ms] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  return new Date(wallClockToUtc(Date.UTC(y, mo - 1, d, h, mi, sec, ms), timeZone)).toISOString();
}

/** XLSX date cells with a time come as YYYY-MM-DDTHH:MM:SS (read-xlsx.ts); the day is what counts. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?$/;
/** 1C writes document dates as DD.MM.YYYY, often with a time of 0:00:00 that means nothing. */
const RU_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** A calendar-date cell (YYYY-MM-DD or DD.MM.YYYY) → YYYY-MM-DD, or undefined. */
export function parseCalendarDate(text: string): string | undefined {
  const s = text.trim();
  const iso = ISO_DAY.exec(s);
  const ru = iso ? undefined : RU_DAY.exec(s);
  const [y, mo, d] = iso
    ? [+iso[1]!, +iso[2]!, +iso[3]!]
    : ru
      ? [+ru[3]!, +ru[2]!, +ru[1]!]
      : [0, 0, 0];
  if (!isRealDate(y, mo, d)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isRealDate(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Date() rolls 2026-02-31 over into March; an offset date must name a real day. */
function sameCalendarDay(s: string): boolean {
  const [y, mo, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  return isRealDate(y, mo, d);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset (ms) at an instant. */
function offsetAt(timeZone: string, instant: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(
    f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]),
  );
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time (given as if it were UTC) in `timeZone` → the real UTC instant. */
export function wallClockToUtc(wallAsUtc: number, timeZone: string): number {
  if (timeZone === 'UTC') return wallAsUtc;
  const first = wallAsUtc - offsetAt(timeZone, wallAsUtc);
  const second = offsetAt(timeZone, first);
  return wallAsUtc - second;
}

/** Whole-number scores: "9", " 7 ", "7,0" and "7.00" are 7; "7,5" and "семь" are not scores. */
export function parseScore(text: string): number | undefined {
  const m = /^([-+]?\d{1,6})(?:[.,]0+)?$/.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
