// The matrix's pure geometry: where a score sits in its cell, bubble sizes, the moves' default
// pair of snapshots.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { bubbleSize, defaultPair, portfolioErrorKey, withinBand } from './cells.ts';

describe('withinBand', () => {
  it('places a score inside its level band (low < 33.3 ≤ medium < 66.7 ≤ high)', () => {
    expect(withinBand(0)).toBe(0);
    expect(withinBand(16.65)).toBeCloseTo(0.5, 6);
    expect(withinBand(33.3)).toBe(0); // the first medium score starts the medium band
    expect(withinBand(50)).toBeCloseTo((50 - 33.3) / 33.4, 6);
    expect(withinBand(66.7)).toBe(0);
    expect(withinBand(100)).toBe(1);
  });
});

describe('bubbleSize', () => {
  it('grows with the square root of revenue from 10 to 34 px', () => {
    expect(bubbleSize(0, 1000)).toBe(10);
    expect(bubbleSize(1000, 1000)).toBe(34);
    expect(bubbleSize(250, 1000)).toBe(22); // 10 + 24 × √0.25
    expect(bubbleSize(100, 0)).toBe(10);
  });
});

describe('defaultPair', () => {
  const snap = (period: string, asOf: string) => ({ period, asOf, takenAt: '', clients: 1 });
  it('takes the newest snapshot and the previous one of the same kind', () => {
    const list = [
      snap('2026-Q2', '2026-06-30'),
      snap('2026-11', '2026-11-30'),
      snap('2026-Q3', '2026-09-30'),
      snap('2026-10', '2026-10-31'),
    ];
    expect(defaultPair(list)).toEqual({ from: '2026-10', to: '2026-11' });
    expect(defaultPair(list.filter((s) => s.period.includes('Q')))).toEqual({
      from: '2026-Q2',
      to: '2026-Q3',
    });
    expect(defaultPair([snap('2026-Q3', '2026-09-30')])).toEqual({
      from: undefined,
      to: '2026-Q3',
    });
    expect(defaultPair([])).toEqual({});
  });
});

describe('portfolioErrorKey', () => {
  it('says which snapshot is missing only for the moves, and names a bad asOf', () => {
    const notFound = new ApiError('not_found', 404);
    expect(portfolioErrorKey(notFound, true)).toBe('portfolio.errors.noSnapshot');
    expect(portfolioErrorKey(notFound)).toBe('errors.not_found');
    const asOf = new ApiError('validation_failed', 400, [{ name: 'query.asOf', reason: 'future' }]);
    expect(portfolioErrorKey(asOf)).toBe('portfolio.errors.asOf');
    expect(portfolioErrorKey(new Error('x'))).toBe('errors.unknown');
  });
});
