import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  type BusinessCalendar,
} from './sla.ts';

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

describe('businessMinutesBetween', () => {
  const calendar: BusinessCalendar = { ...DEFAULT_CALENDAR, holidays: ['2026-03-09'] };
  it.each<[string, string, BusinessCalendar, number, string]>([
    // Moscow is UTC+3; 2026-03-06 is a Friday, 2026-03-09 (Monday) a holiday here.
    ['2026-03-02T07:00:00Z', '2026-03-02T08:30:00Z', moscow, 90, 'inside one working day'],
    [
      '2026-03-02T03:00:00Z',
      '2026-03-02T07:00:00Z',
      moscow,
      60,
      'before opening counts from 09:00',
    ],
    [
      '2026-03-06T14:00:00Z',
      '2026-03-10T07:00:00Z',
      calendar,
      120,
      'Fri 17:00 → Tue 10:00 over a weekend and a holiday: 60 + 60',
    ],
    ['2026-03-06T14:00:00Z', '2026-03-09T07:00:00Z', moscow, 120, 'the same without the holiday'],
    ['2026-03-07T08:00:00Z', '2026-03-08T08:00:00Z', moscow, 0, 'a weekend only'],
    ['2026-03-02T08:00:00Z', '2026-03-02T07:00:00Z', moscow, 0, 'end before start'],
    ['2026-03-02T08:00:00Z', '2026-03-02T09:30:00Z', roundTheClock, 90, 'round the clock'],
  ])('%s → %s = %d minutes (%s)', (start, end, cal, minutes) => {
    expect(businessMinutesBetween(new Date(start), new Date(end), cal)).toBe(minutes);
  });

  it('is the inverse of addBusinessMinutes', () => {
    const start = new Date('2026-03-05T12:17:00Z');
    for (const m of [1, 59, 540, 541, 2000]) {
      const end = addBusinessMinutes(start, m, calendar);
      expect(businessMinutesBetween(start, end, calendar)).toBe(m);
    }
  });
});
