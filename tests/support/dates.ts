// Calendar helpers for tests that need a date a given number of days away from the real today.

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function localDay(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * A recurring date set in a past leap year (a birthday) whose next occurrence is `days` calendar
 * days after today in `timeZone`. The past year is a leap year so that 29 February, which falls
 * five days after 24 February in a leap year, stays 29 February (a birthday on 28 February
 * would be four days away). Days are counted on the calendar, not as 24-hour steps.
 */
export function recurringDateInDays(now: Date, days: number, timeZone: string): string {
  const today = localDay(now, timeZone);
  const target = new Date(`${today}T00:00:00Z`);
  target.setUTCDate(target.getUTCDate() + days);
  return `1984-${target.toISOString().slice(5, 10)}`;
}
