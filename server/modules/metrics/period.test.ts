import { describe, expect, it } from 'vitest';
import { round1 } from './metrics.present.ts';
import { lastDays, satisfactionWindow } from './period.ts';

const NOW = new Date('2026-06-15T12:34:56.789Z');

describe('satisfactionWindow', () => {
  it.each([
    [
      'defaults to twelve calendar months ending now',
      undefined,
      undefined,
      '2025-07-01T00:00:00.000Z',
      '2026-06-15T12:34:56.789Z',
    ],
    [
      'reads dates as midnight UTC',
      '2026-01-01',
      '2026-02-01',
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ],
    [
      'converts offsets to UTC',
      '2026-01-01T03:00:00+03:00',
      '2026-01-02T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
    ],
    [
      'ends now when only from is given',
      '2026-03-01',
      undefined,
      '2026-03-01T00:00:00.000Z',
      '2026-06-15T12:34:56.789Z',
    ],
    [
      'an exclusive month-start to does not pull in its month',
      undefined,
      '2026-07-01',
      '2025-07-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
    ],
    [
      'crosses the year boundary',
      undefined,
      '2026-01-10',
      '2025-02-01T00:00:00.000Z',
      '2026-01-10T00:00:00.000Z',
    ],
  ])('%s', (_name, from, to, expectedFrom, expectedTo) => {
    expect(satisfactionWindow(NOW, from, to)).toEqual({ from: expectedFrom, to: expectedTo });
  });
});

describe('lastDays', () => {
  it('goes back whole days from now', () => {
    expect(lastDays(NOW, 90)).toEqual({
      from: '2026-03-17T12:34:56.789Z',
      to: '2026-06-15T12:34:56.789Z',
    });
  });
});

describe('round1', () => {
  it.each([
    [48.408, 48.4],
    [12.25, 12.3],
    [-12.25, -12.3],
    [-0.04, 0],
    [100, 100],
    [null, null],
  ])('%s → %s', (x, expected) => {
    expect(round1(x)).toBe(expected);
  });
});
