// Relative importance of the scorecard's key drivers (METRICS.md, "The layered scorecard"): the
// Shapley decomposition of a regression's R² over at most 8 drivers. Every subset of drivers is
// fitted by ordinary least squares (with an intercept) through ml-matrix's SVD pseudo-inverse,
// which copes with collinear columns, and each driver gets its average marginal gain in R².
import { Matrix, pseudoInverse } from 'ml-matrix';

export interface ShapleyResult {
  /** R² of the regression of y on all drivers, in [0, 1]. */
  r2: number;
  /** Shapley value of each driver (same order as xs); they sum to r2. */
  contributions: number[];
  /** contribution / r2 per driver; all 0 when r2 is 0. */
  shares: number[];
}

/** 2^8 = 256 regressions is the most the scorecard asks for (METRICS.md: at most 8 drivers). */
export const MAX_SHAPLEY_DRIVERS = 8;

/**
 * Singular values below this fraction of the largest (times the larger matrix side) count as 0,
 * so an exactly collinear driver adds nothing instead of fitting rounding noise. Columns are
 * scaled to unit length first, so the cut-off does not depend on the drivers' units; at 32
 * rows it is ~3e-9, in the range of R's lm() (qr tol 1e-7).
 */
const RCOND = 1e-10;

function assertInput(y: readonly number[], xs: readonly (readonly number[])[]): void {
  if (xs.length > MAX_SHAPLEY_DRIVERS) {
    throw new Error(`shapleyR2: ${xs.length} drivers, at most ${MAX_SHAPLEY_DRIVERS}`);
  }
  xs.forEach((x, j) => {
    if (x.length !== y.length) {
      throw new Error(`shapleyR2: driver ${j} has ${x.length} values, y has ${y.length}`);
    }
  });
  if (![y, ...xs].every((col) => col.every(Number.isFinite))) {
    throw new Error('shapleyR2: every value must be a finite number (drop incomplete rows first)');
  }
}

function centred(col: readonly number[]): number[] {
  const mean = col.reduce((s, v) => s + v, 0) / col.length;
  return col.map((v) => v - mean);
}

/** Centred and scaled to unit length; null for a constant column (it explains nothing). */
function standardised(col: readonly number[]): number[] | null {
  if (col.every((v) => v === col[0])) return null;
  const c = centred(col);
  const norm = Math.sqrt(c.reduce((s, v) => s + v * v, 0));
  return norm > 0 ? c.map((v) => v / norm) : null;
}

/**
 * R² of y on the given columns, with an intercept. Centring y and every column absorbs the
 * intercept, so the fit is a plain least-squares projection onto the columns.
 */
function rSquared(yc: readonly number[], ssTotal: number, cols: readonly number[][]): number {
  if (cols.length === 0) return 0;
  const n = yc.length;
  const design = new Matrix(n, cols.length);
  cols.forEach((col, j) => col.forEach((v, i) => design.set(i, j, v)));
  const target = Matrix.columnVector(yc as number[]);
  const fitted = design.mmul(pseudoInverse(design, RCOND).mmul(target));
  let ssResidual = 0;
  for (let i = 0; i < n; i++) ssResidual += (yc[i]! - fitted.get(i, 0)) ** 2;
  return Math.min(1, Math.max(0, 1 - ssResidual / ssTotal));
}

function factorials(k: number): number[] {
  const out = [1];
  for (let i = 1; i <= k; i++) out.push(out[i - 1]! * i);
  return out;
}

function bitCount(mask: number): number {
  let c = 0;
  for (let m = mask; m; m &= m - 1) c++;
  return c;
}

/**
 * Shapley decomposition of R² of y on the drivers xs[j] (each a column as long as y), OLS with an
 * intercept. Rows with any non-finite value must be dropped by the caller (this throws).
 *
 * With n ≤ k + 1 points a regression fits exactly and R² is 1, so the figure means nothing:
 * callers need n ≥ MIN_DRIVER_POINTS (8, shared/api/arbiter.ts) and never call below it. A
 * constant y gives R² = 0 (nothing to explain); a constant driver contributes exactly 0.
 */
export function shapleyR2(y: readonly number[], xs: readonly (readonly number[])[]): ShapleyResult {
  assertInput(y, xs);
  const k = xs.length;
  const yc = centred(y);
  const ssTotal = yc.reduce((s, v) => s + v * v, 0);
  if (k === 0 || !(ssTotal > 0)) {
    return { r2: 0, contributions: xs.map(() => 0), shares: xs.map(() => 0) };
  }

  const cols = xs.map(standardised);
  // Constant drivers are left out of every design, so a subset with one and the same subset
  // without it are the same regression, memoised once: their R² are identical, the gain is 0.
  const usable = cols.reduce((m, col, j) => (col ? m | (1 << j) : m), 0);
  const byDesign = new Map<number, number>();
  const r2Of = (subset: number): number => {
    const mask = subset & usable;
    let r2 = byDesign.get(mask);
    if (r2 === undefined) {
      const chosen = cols.filter(
        (col, j): col is number[] => col !== null && ((mask >> j) & 1) === 1,
      );
      r2 = rSquared(yc, ssTotal, chosen);
      byDesign.set(mask, r2);
    }
    return r2;
  };

  const fact = factorials(k);
  const contributions = xs.map((_, j) => {
    let sum = 0;
    for (let subset = 0; subset < 1 << k; subset++) {
      if ((subset >> j) & 1) continue;
      const size = bitCount(subset);
      const weight = (fact[size]! * fact[k - size - 1]!) / fact[k]!;
      sum += weight * (r2Of(subset | (1 << j)) - r2Of(subset));
    }
    return sum;
  });
  const r2 = r2Of((1 << k) - 1);
  const shares = contributions.map((c) => (r2 > 0 ? c / r2 : 0));
  return { r2, contributions, shares };
}
