// Reporting windows: [from, to) as ISO-8601 UTC strings, the one text form times take in the
// database, so the same comparison works on SQLite text and PostgreSQL timestamptz. Pure.

export interface Window {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/** Midnight UTC on the first day of the month `monthsBack` months before the month of `at`. */
export function startOfMonthUtc(at: Date, monthsBack = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - monthsBack, 1));
}

/**
 * The satisfaction report's window. Without `to` it ends now; without `from` it starts on the first
 * of the month eleven months before `to`, so grouping by month gives twelve whole calendar months
 * (the last one running) rather than a partial thirteenth at the start.
 */
export function satisfactionWindow(now: Date, from?: string, to?: string): Window {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : startOfMonthUtc(new Date(end.getTime() - 1), 11);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The last `days` days up to now, for the dashboard overview. */
export function lastDays(now: Date, days: number): Window {
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}
