// shapleyR2 against R's lm() R² on mtcars, against a brute force over entry orders built on
// its own OLS (normal equations, no ml-matrix), and on degenerate data (constant or collinear
// drivers, constant y, exact fits).
import { describe, expect, it } from 'vitest';
import { MAX_SHAPLEY_DRIVERS, shapleyR2 } from './shapley.ts';
import { mtcars } from './mtcars.fixtures.ts';

const { mpg, wt, hp, qsec } = mtcars;

// summary(lm(mpg ~ wt + hp, mtcars))$r.squared, and of lm(mpg ~ wt) and lm(mpg ~ hp)
const R2_WT_HP = 0.8267855;
const R2_WT = 0.7528328;
const R2_HP = 0.6024373;

/**
 * An independent R² for the brute-force check: OLS with intercept by the normal equations on
 * centred data, solved by Gauss–Jordan elimination with partial pivoting (no ml-matrix, no SVD).
 */
function r2ByNormalEquations(y: readonly number[], cols: readonly (readonly number[])[]): number {
  const centre = (v: readonly number[]) => {
    const m = v.reduce((s, a) => s + a, 0) / v.length;
    return v.map((a) => a - m);
  };
  const yc = centre(y);
  const xc = cols.map(centre);
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  const k = xc.length;
  const aug = xc.map((xi) => [...xc.map((xj) => dot(xi, xj)), dot(xi, yc)]);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++)
      if (Math.abs(aug[r]![c]!) > Math.abs(aug[pivot]![c]!)) pivot = r;
    [aug[c], aug[pivot]] = [aug[pivot]!, aug[c]!];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = aug[r]![c]! / aug[c]![c]!;
      for (let j = c; j <= k; j++) aug[r]![j]! -= f * aug[c]![j]!;
    }
  }
  const beta = aug.map((row, i) => row[k]! / row[i]!);
  const ssExplained = dot(
    yc,
    yc.map((_, i) => xc.reduce((s, x, j) => s + beta[j]! * x[i]!, 0)),
  );
  return ssExplained / dot(yc, yc);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Shapley values as the mean marginal gain over every order in which drivers enter. */
function shapleyByPermutations(y: readonly number[], xs: readonly (readonly number[])[]) {
  const orders = permutations(xs.map((_, j) => j));
  const totals = xs.map(() => 0);
  for (const order of orders) {
    const entered: number[] = [];
    for (const j of order) {
      const before = entered.length
        ? r2ByNormalEquations(
            y,
            entered.map((e) => xs[e]!),
          )
        : 0;
      entered.push(j);
      totals[j]! +=
        r2ByNormalEquations(
          y,
          entered.map((e) => xs[e]!),
        ) - before;
    }
  }
  return totals.map((t) => t / orders.length);
}

const sum = (v: number[]) => v.reduce((s, a) => s + a, 0);

describe('shapleyR2 on R reference values (mtcars)', () => {
  it('gives lm(mpg ~ wt)’s R² to a single driver, all of it to that driver', () => {
    const { r2, contributions, shares } = shapleyR2(mpg, [wt]);
    expect(Math.abs(r2 - R2_WT)).toBeLessThan(1e-6);
    expect(contributions[0]).toBe(r2);
    expect(shares).toEqual([1]);
  });

  it('splits lm(mpg ~ wt + hp)’s R² as the two-driver Shapley formula on R’s R² values', () => {
    const { r2, contributions, shares } = shapleyR2(mpg, [wt, hp]);
    expect(Math.abs(r2 - R2_WT_HP)).toBeLessThan(1e-6);
    expect(Math.abs(contributions[0]! - (R2_WT + (R2_WT_HP - R2_HP)) / 2)).toBeLessThan(1e-6);
    expect(Math.abs(contributions[1]! - (R2_HP + (R2_WT_HP - R2_WT)) / 2)).toBeLessThan(1e-6);
    expect(Math.abs(sum(contributions) - r2)).toBeLessThan(1e-12);
    expect(Math.abs(shares[0]! - contributions[0]! / r2)).toBeLessThan(1e-12);
    expect(Math.abs(sum(shares) - 1)).toBeLessThan(1e-12);
  });

  it('the test’s own OLS reproduces R’s R² values (so the brute force below can be trusted)', () => {
    expect(Math.abs(r2ByNormalEquations(mpg, [wt]) - R2_WT)).toBeLessThan(1e-6);
    expect(Math.abs(r2ByNormalEquations(mpg, [hp]) - R2_HP)).toBeLessThan(1e-6);
    expect(Math.abs(r2ByNormalEquations(mpg, [wt, hp]) - R2_WT_HP)).toBeLessThan(1e-6);
  });

  it('matches a brute force over all 3! entry orders for mpg ~ wt + hp + qsec', () => {
    const xs = [wt, hp, qsec];
    const { r2, contributions } = shapleyR2(mpg, xs);
    const expected = shapleyByPermutations(mpg, xs);
    contributions.forEach((c, j) => expect(Math.abs(c - expected[j]!)).toBeLessThan(1e-10));
    expect(Math.abs(r2 - r2ByNormalEquations(mpg, xs))).toBeLessThan(1e-10);
    expect(Math.abs(sum(contributions) - r2)).toBeLessThan(1e-12);
    // Weight explains most, then horsepower, then the quarter-mile time.
    expect(contributions[0]!).toBeGreaterThan(contributions[1]!);
    expect(contributions[1]!).toBeGreaterThan(contributions[2]!);
  });

  it('does not depend on the order or the units of the drivers', () => {
    const a = shapleyR2(mpg, [wt, hp, qsec]);
    const b = shapleyR2(mpg, [qsec, hp.map((v) => v * 1000), wt.map((v) => v * 0.001 + 7)]);
    expect(Math.abs(a.r2 - b.r2)).toBeLessThan(1e-12);
    [2, 1, 0].forEach((j, i) =>
      expect(Math.abs(a.contributions[i]! - b.contributions[j]!)).toBeLessThan(1e-10),
    );
  });
});

describe('shapleyR2 on degenerate data', () => {
  it('gives a constant driver exactly 0 and leaves the others as without it', () => {
    // 3.3: its mean over 32 rows is not exactly 3.3 in floating point, so the centred column is
    // rounding residue rather than exact zeros; the contribution must still be exactly 0.
    const constant = mpg.map(() => 3.3);
    const { r2, contributions } = shapleyR2(mpg, [wt, constant, hp]);
    const without = shapleyR2(mpg, [wt, hp]);
    expect(contributions[1]).toBe(0);
    expect(r2).toBe(without.r2);
    expect(contributions[0]).toBeCloseTo(without.contributions[0]!, 12);
    expect(contributions[2]).toBeCloseTo(without.contributions[1]!, 12);
  });

  it('splits evenly between two exactly collinear drivers, without throwing', () => {
    const wtInPounds = wt.map((v) => v * 1000);
    const { r2, contributions } = shapleyR2(mpg, [wt, wtInPounds]);
    expect(Math.abs(r2 - R2_WT)).toBeLessThan(1e-6);
    expect(Math.abs(contributions[0]! - R2_WT / 2)).toBeLessThan(1e-6);
    expect(Math.abs(contributions[1]! - R2_WT / 2)).toBeLessThan(1e-6);
  });

  it('lets a driver that is an exact combination of others add nothing to R²', () => {
    const combined = wt.map((w, i) => 2 * w + 0.01 * hp[i]!);
    const { r2, contributions } = shapleyR2(mpg, [wt, hp, combined]);
    expect(Math.abs(r2 - R2_WT_HP)).toBeLessThan(1e-6);
    expect(Math.abs(sum(contributions) - r2)).toBeLessThan(1e-12);
  });

  it('gives R² = 0 and all shares 0 when y is constant', () => {
    const y = mpg.map(() => 20);
    expect(shapleyR2(y, [wt, hp])).toEqual({ r2: 0, contributions: [0, 0], shares: [0, 0] });
  });

  it('gives R² = 0 and empty lists with no drivers', () => {
    expect(shapleyR2(mpg, [])).toEqual({ r2: 0, contributions: [], shares: [] });
  });

  it('fits exactly with n ≤ k + 1 points (why callers need MIN_DRIVER_POINTS)', () => {
    const { r2 } = shapleyR2([3, 1, 4], [wt.slice(0, 3), hp.slice(0, 3)]);
    expect(r2).toBeCloseTo(1, 12);
  });

  it('recovers a planted exact relation: R² = 1, shared by the drivers that carry it', () => {
    const y = wt.map((w, i) => 2 * w - 0.01 * hp[i]! + 5);
    const { r2, contributions } = shapleyR2(y, [wt, hp, qsec]);
    expect(r2).toBeCloseTo(1, 12);
    expect(Math.abs(sum(contributions) - 1)).toBeLessThan(1e-12);
    expect(contributions[0]! + contributions[1]!).toBeGreaterThan(contributions[2]!);
  });

  it('handles the full 8 drivers (256 regressions) and still sums to R²', () => {
    const xs = Array.from({ length: MAX_SHAPLEY_DRIVERS }, (_, j) =>
      mpg.map((_, i) => [wt, hp, qsec][j % 3]![i]! * (j + 1) + ((i * (j + 3)) % 7)),
    );
    const { r2, contributions, shares } = shapleyR2(mpg, xs);
    expect(r2).toBeGreaterThan(0.8);
    expect(r2).toBeLessThanOrEqual(1);
    expect(Math.abs(sum(contributions) - r2)).toBeLessThan(1e-12);
    expect(Math.abs(sum(shares) - 1)).toBeLessThan(1e-12);
  });
});

describe('shapleyR2 rejects programmer errors', () => {
  it('throws above 8 drivers', () => {
    const xs = Array.from({ length: MAX_SHAPLEY_DRIVERS + 1 }, () => [...wt]);
    expect(() => shapleyR2(mpg, xs)).toThrow(/at most 8/);
  });

  it('throws when a driver and y differ in length', () => {
    expect(() => shapleyR2(mpg, [wt.slice(1)])).toThrow(/31 values, y has 32/);
  });

  it.each([NaN, Infinity])('throws on a non-finite value (%s) in y or a driver', (bad) => {
    expect(() => shapleyR2([...mpg.slice(1), bad], [wt])).toThrow(/finite/);
    expect(() => shapleyR2(mpg, [[...wt.slice(1), bad]])).toThrow(/finite/);
  });
});
