import { describe, expect, it } from 'vitest';
import { fromMinorUnits, toMinorUnits } from './money.ts';

describe('money in minor units', () => {
  it.each([
    [0, 0],
    [0.1, 10],
    [0.29, 29],
    [1234.5, 123450],
    [1234567.89, 123456789],
  ])('%s → %s kopecks and back', (value, minor) => {
    expect(toMinorUnits(value)).toBe(minor);
    expect(fromMinorUnits(minor)).toBe(value);
  });

  it.each([
    [-0.01, 'must not be negative'],
    [0.001, 'at most 2 decimals'],
    [Number.NaN, 'not a number'],
    [Number.POSITIVE_INFINITY, 'not a number'],
  ])('refuses %s: %s', (value, reason) => expect(toMinorUnits(value)).toBe(reason));

  it('says why a negative amount is wrong in the caller’s terms', () =>
    expect(toMinorUnits(-5, 'use a refund')).toBe('use a refund'));
});
