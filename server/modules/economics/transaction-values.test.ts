import { describe, expect, it } from 'vitest';
import { isCalendarDate, toMinorUnits } from './transaction-values.ts';

describe('decimal money to kopecks', () => {
  it.each([
    [1234.5, 123_450],
    [0.29, 29],
    [0.1, 10],
    [19.99, 1999],
    [0, 0],
    [9_999_999_999.99, 999_999_999_999],
  ])('%s → %s kopecks', (value, minor) => expect(toMinorUnits(value)).toBe(minor));

  it.each([
    [0.001, 'at most 2 decimals'],
    [10.005, 'at most 2 decimals'],
    [-1, 'must not be negative'],
    [Number.NaN, 'not a number'],
  ])('refuses %s: %s', (value, reason) => expect(toMinorUnits(value)).toContain(reason));
});

describe('calendar dates', () => {
  it.each([
    ['2026-11-03', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['03.11.2026', false],
    ['2026-11-03T00:00:00Z', false],
    ['', false],
  ])('%s is a calendar date: %s', (text, ok) => expect(isCalendarDate(text)).toBe(ok));
});
