// The period-over-period test checked by hand: the standard error and the normal tail.
import { describe, expect, it } from 'vitest';
import { differenceTest } from './difference.ts';

describe('differenceTest', () => {
  it('gives the two-sided normal p-value of the difference', () => {
    // CSAT 80 % of 100 vs 70 % of 100: se = √(0.16/100 + 0.21/100) = 0.060828; z = 1.644;
    // two-sided p = 2 · (1 − Φ(1.644)) = 0.1002 — not significant at 5 %.
    const r = differenceTest(
      { mean: 0.8, variance: 0.16, n: 100 },
      { mean: 0.7, variance: 0.21, n: 100 },
    );
    expect(r.difference).toBeCloseTo(0.1, 12);
    expect(r.p).toBeCloseTo(0.1002, 4);
    // The same shares over 400 answers each: se halves, z = 3.288, p = 0.00101.
    const big = differenceTest(
      { mean: 0.8, variance: 0.16, n: 400 },
      { mean: 0.7, variance: 0.21, n: 400 },
    );
    expect(big.p).toBeCloseTo(0.00101, 5);
  });

  it('says nothing below two answers, and is certain without variance', () => {
    expect(
      differenceTest({ mean: 1, variance: 0, n: 1 }, { mean: 0, variance: 0, n: 5 }).p,
    ).toBeNull();
    expect(differenceTest({ mean: 1, variance: 0, n: 3 }, { mean: 0, variance: 0, n: 5 }).p).toBe(
      0,
    );
    expect(differenceTest({ mean: 1, variance: 0, n: 3 }, { mean: 1, variance: 0, n: 5 }).p).toBe(
      1,
    );
  });
});
