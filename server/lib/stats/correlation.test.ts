// pearsonTest against R's cor.test on mtcars, against hand-checked planted data, and on the
// cases where r is undefined (which must come back null, never NaN or a clamped ±1).
import { describe, expect, it } from 'vitest';
import { MIN_PEARSON_PAIRS, pearsonTest } from './correlation.ts';
import { mtcars } from './mtcars.fixtures.ts';

/** R prints p-values to 4 significant digits; compare to that precision. */
function expectPValue(actual: number | null, printed: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - printed) / printed).toBeLessThan(0.0005);
}

describe('pearsonTest on R reference values (mtcars)', () => {
  it.each([
    // cor.test(mtcars$mpg, mtcars$wt): t = -9.559, df = 30, p-value = 1.294e-10, cor -0.8676594
    ['wt', -0.8676594, 1.294e-10],
    // cor.test(mtcars$mpg, mtcars$hp): t = -6.7424, df = 30, p-value = 1.788e-07, cor -0.7761684
    ['hp', -0.7761684, 1.788e-7],
    // cor.test(mtcars$mpg, mtcars$qsec): t = 2.5252, df = 30, p-value = 0.01708, cor 0.418684
    ['qsec', 0.418684, 0.01708],
  ] as const)('mpg against %s gives R’s r and two-sided p', (column, r, p) => {
    const result = pearsonTest(mtcars.mpg, mtcars[column]);
    expect(result.n).toBe(32);
    expect(result.r).toBeCloseTo(r, 6);
    expectPValue(result.p, p);
  });

  it('is symmetric in its arguments', () => {
    expect(pearsonTest(mtcars.wt, mtcars.mpg)).toEqual(pearsonTest(mtcars.mpg, mtcars.wt));
  });

  it('rounds nothing: r carries more digits than R prints', () => {
    const { r } = pearsonTest(mtcars.mpg, mtcars.wt);
    expect(r).not.toBe(-0.8676594);
    expect(String(r).length).toBeGreaterThan(12);
  });
});

describe('pearsonTest on planted relations', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('gives r = 1 and p ≈ 0 for a perfect increasing line', () => {
    const { r, p, n } = pearsonTest(
      x,
      x.map((v) => 3.5 * v - 2),
    );
    expect(n).toBe(10);
    expect(Math.abs(r! - 1)).toBeLessThan(1e-12);
    expect(p).not.toBeNull();
    expect(p!).toBeLessThan(1e-12);
  });

  it('gives r = −1 and p ≈ 0 for a perfect decreasing line', () => {
    const { r, p } = pearsonTest(
      x,
      x.map((v) => 100 - 0.25 * v),
    );
    expect(Math.abs(r! + 1)).toBeLessThan(1e-12);
    expect(p!).toBeLessThan(1e-12);
  });

  it('gives r = 0 and p = 1 for a symmetric pattern with no linear trend', () => {
    // y = (x − 3)² on x = 1..5: Σ(x − x̄)(y − ȳ) = 0 exactly, so t = 0 and the two-sided p is 1.
    const { r, p } = pearsonTest([1, 2, 3, 4, 5], [4, 1, 0, 1, 4]);
    expect(r).toBeCloseTo(0, 12);
    expect(p).toBeCloseTo(1, 12);
  });
});

describe('pearsonTest where r is undefined', () => {
  it('gives null r and p (never NaN) when x is constant', () => {
    expect(pearsonTest([2, 2, 2, 2, 2], [1, 2, 3, 4, 5])).toEqual({ r: null, n: 5, p: null });
  });

  it('gives null r and p when y is constant, even where the library would say r = −1', () => {
    // pcorrtest on a constant 3.3 column returns r = −1, p = 0: the rounding residue of a zero
    // covariance divided by a zero variance, clamped to [−1, 1].
    const y = [3.3, 3.3, 3.3, 3.3, 3.3, 3.3, 3.3];
    expect(pearsonTest([1, 2, 3, 4, 5, 6, 7], y)).toEqual({ r: null, n: 7, p: null });
  });

  it.each([0, 1, 2, 3])('gives null r and p with %i pairs (pcorrtest needs 4)', (n) => {
    const x = [1, 2, 3].slice(0, n);
    const y = [2, 1, 3].slice(0, n);
    expect(n).toBeLessThan(MIN_PEARSON_PAIRS);
    expect(pearsonTest(x, y)).toEqual({ r: null, n, p: null });
  });

  it('computes from 4 pairs on', () => {
    // Hand check: x̄ = ȳ = 2.5, Σdxdy = 3, Σdx² = Σdy² = 5, so r = 3/5. With 2 df the t CDF is
    // F(t) = 1/2 + t / (2√(2 + t²)) and t² = 2r² / (1 − r²), so the two-sided p is 1 − |r| = 0.4.
    const { r, p } = pearsonTest([1, 2, 3, 4], [2, 1, 4, 3]);
    expect(r).toBeCloseTo(0.6, 12);
    expect(p).toBeCloseTo(0.4, 10);
  });
});

describe('pearsonTest rejects programmer errors', () => {
  it('throws when the series differ in length', () => {
    expect(() => pearsonTest([1, 2, 3, 4], [1, 2, 3])).toThrow(/differ in length/);
  });

  it.each([NaN, Infinity, -Infinity])('throws on a non-finite value (%s)', (bad) => {
    expect(() => pearsonTest([1, 2, 3, bad, 5], [1, 2, 3, 4, 5])).toThrow(/finite/);
  });
});
