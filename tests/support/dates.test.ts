// The date helper the browser tests use for "a birthday in five days", checked against the
// server's own rule for when a recurring date next falls.
import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../server/modules/care/occurrence.ts';
import { recurringDateInDays } from './dates.ts';

describe('recurringDateInDays', () => {
  it.each([
    // now (UTC), time zone, days, expected
    ['2026-06-10T09:00:00Z', 'Europe/Moscow', 5, '1984-06-15'],
    ['2027-02-24T09:00:00Z', 'Europe/Moscow', 5, '1984-03-01'],
    ['2028-02-24T09:00:00Z', 'Europe/Moscow', 5, '1984-02-29'],
    ['2028-02-25T09:00:00Z', 'Europe/Moscow', 5, '1984-03-01'],
    ['2028-02-23T22:30:00Z', 'Europe/Moscow', 5, '1984-02-29'],
    ['2100-02-24T09:00:00Z', 'Europe/Moscow', 5, '1984-03-01'],
    ['2000-02-24T09:00:00Z', 'Europe/Moscow', 5, '1984-02-29'],
    ['2026-12-29T09:00:00Z', 'Europe/Moscow', 5, '1984-01-03'],
    ['2026-03-27T23:30:00Z', 'Europe/Berlin', 5, '1984-04-02'],
    ['2028-02-28T09:00:00Z', 'Europe/Moscow', 0, '1984-02-28'],
  ] as const)('on %s in %s, %i days ahead is %s', (now, zone, days, expected) => {
    const at = new Date(now);
    const date = recurringDateInDays(at, days, zone);
    expect(date).toBe(expected);
    // The server agrees: the date's next occurrence is that many days away.
    expect(nextOccurrence(date, true, at, zone)?.daysUntil).toBe(days);
  });
});
