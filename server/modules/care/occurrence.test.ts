import { describe, expect, it } from 'vitest';
import { localDay, nextOccurrence } from './occurrence.ts';

describe('nextOccurrence', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    // date, recurring, now, time zone → next date, days until
    ['1980-11-28', true, '2026-11-23T09:00:00Z', 'UTC', '2026-11-28', 5],
    ['1980-11-23', true, '2026-11-23T09:00:00Z', 'UTC', '2026-11-23', 0],
    ['1980-11-22', true, '2026-11-23T09:00:00Z', 'UTC', '2027-11-22', 364],
    // across the year boundary
    ['1975-01-03', true, '2026-12-30T12:00:00Z', 'UTC', '2027-01-03', 4],
    ['1975-12-31', true, '2027-01-01T00:30:00Z', 'UTC', '2027-12-31', 364],
    // 29 February: 28 February in non-leap years, 29 in leap years
    ['1988-02-29', true, '2026-02-20T10:00:00Z', 'UTC', '2026-02-28', 8],
    ['1988-02-29', true, '2027-03-01T10:00:00Z', 'UTC', '2028-02-29', 365],
    ['1988-02-29', true, '2028-02-28T10:00:00Z', 'UTC', '2028-02-29', 1],
    ['1988-02-29', true, '2100-02-01T10:00:00Z', 'UTC', '2100-02-28', 27],
    // a recurring date that starts in the future occurs first on its own date
    ['2027-03-01', true, '2026-11-23T09:00:00Z', 'UTC', '2027-03-01', 98],
    // one-off dates
    ['2026-12-01', false, '2026-11-23T09:00:00Z', 'UTC', '2026-12-01', 8],
    ['2026-11-01', false, '2026-11-23T09:00:00Z', 'UTC', null, null],
    // the local day decides: 22:30 UTC on 23 Nov is already 24 Nov in Moscow
    ['1990-11-24', true, '2026-11-23T22:30:00Z', 'Europe/Moscow', '2026-11-24', 0],
    ['1990-11-24', true, '2026-11-23T22:30:00Z', 'UTC', '2026-11-24', 1],
  ] as const)(
    '%s recurring=%s at %s in %s → %s (%s days)',
    (date, recurring, now, tz, next, days) => {
      const got = nextOccurrence(date, recurring, at(now), tz);
      expect(got?.date ?? null).toBe(next);
      expect(got?.daysUntil ?? null).toBe(days);
    },
  );

  it('reads the local day in the given time zone', () => {
    expect(localDay(at('2026-12-31T21:30:00Z'), 'Europe/Moscow')).toBe('2027-01-01');
    expect(localDay(at('2026-12-31T21:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});
