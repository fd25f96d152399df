// Pearson correlation with its two-sided p-value, for the scorecard's key drivers (METRICS.md,
// "The layered scorecard"). The test itself is @stdlib's pcorrtest (t test with n − 2 degrees of
// freedom); this file only turns the cases where the test is undefined into nulls, so a caller
// never sees NaN and never has to catch the library's own errors.
import pcorrtest from '@stdlib/stats-pcorrtest';

export interface PearsonResult {
  /** Pearson's r in [−1, 1]; null when undefined (too few pairs or a constant series). */
  r: number | null;
  /** Number of pairs. */
  n: number;
  /** Two-sided p-value of H0: ρ = 0; null exactly when r is null. */
  p: number | null;
}

/**
 * pcorrtest refuses fewer than four pairs (it throws), so r and p are null below this. Key
 * drivers need far more anyway (MIN_DRIVER_POINTS = 8 in shared/api/arbiter.ts).
 */
export const MIN_PEARSON_PAIRS = 4;

function isConstant(xs: readonly number[]): boolean {
  return xs.every((v) => v === xs[0]);
}

/**
 * Pearson's r of paired samples and the two-sided p-value of the t test (n − 2 df). Nothing is
 * rounded. Unequal lengths or a non-finite value are programmer errors: callers pair their
 * points and drop missing ones before calling.
 */
export function pearsonTest(x: readonly number[], y: readonly number[]): PearsonResult {
  if (x.length !== y.length) {
    throw new Error(`pearsonTest: series differ in length (${x.length} vs ${y.length})`);
  }
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) {
    throw new Error('pearsonTest: every value must be a finite number');
  }
  const n = x.length;
  // A constant series has zero variance: r is 0/0. pcorrtest would not say so — rounding can
  // leave a tiny numerator that its clamp turns into r = ±1 — so it is caught here.
  if (n < MIN_PEARSON_PAIRS || isConstant(x) || isConstant(y)) return { r: null, n, p: null };
  const test = pcorrtest(x as number[], y as number[]);
  if (Number.isNaN(test.pcorr) || Number.isNaN(test.pValue)) return { r: null, n, p: null };
  return { r: test.pcorr, n, p: test.pValue };
}
