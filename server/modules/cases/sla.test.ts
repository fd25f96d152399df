import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, DEFAULT_CALENDAR, type BusinessCalendar } from './sla.ts';

const moscow = DEFAULT_CALENDAR;
const newYork: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };
const withHoliday: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-04'] };
const roundTheClock: BusinessCalendar = { timeZone: 'UTC', hours: null, holidays: [] };

describe('addBusinessMinutes', () => {
  it.each<[string, number, BusinessCalendar, string, string]>([
    // start (UTC), minutes, calendar, expected (UTC); Moscow is UTC+3 all year.
    ['2026-11-23T07:00:00Z', 60, moscow, '2026-11-23T08:00:00Z', 'Monday 10:00 MSK + 1 h'],
    [
      '2026-11-23T05:00:00Z',
      60,
      moscow,
      '2026-11-23T07:00:00Z',
      'before opening: counts from 09:00',
    ],
    [
      '2026-11-23T14:30:00Z',
      60,
      moscow,
      '2026-11-24T06:30:00Z',
      'Monday 17:30 + 1 h → Tuesday 09:30',
    ],
    [
      '2026-11-27T14:00:00Z',
      120,
      moscow,
      '2026-11-30T07:00:00Z',
      'Friday 17:00 + 2 h → Monday 10:00',
    ],
    ['2026-11-28T10:00:00Z', 30, moscow, '2026-11-30T06:30:00Z', 'Saturday → Monday 09:30'],
    [
      '2026-11-03T14:00:00Z',
      120,
      withHoliday,
      '2026-11-05T07:00:00Z',
      'skips the 4 November holiday',
    ],
    ['2026-11-23T07:00:00Z', 18 * 60, moscow, '2026-11-25T07:00:00Z', 'two working days'],
    ['2026-11-23T07:00:00Z', 90, roundTheClock, '2026-11-23T08:30:00Z', 'round the clock'],
    [
      '2026-03-06T22:30:00Z',
      60,
      newYork,
      '2026-03-09T13:30:00Z',
      'across the US DST change (EST → EDT)',
    ],
    [
      '2026-10-30T21:30:00Z',
      60,
      newYork,
      '2026-11-02T14:30:00Z',
      'across the US DST change (EDT → EST)',
    ],
  ])('%s + %i min', (start, minutes, cal, expected, _why) => {
    expect(addBusinessMinutes(new Date(start), minutes, cal).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });
});
