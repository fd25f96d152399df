// Is the change between two periods more than sampling noise? A two-sample z test on the
// difference of two means, each from its own sample (no pooling, so it holds for NPS, whose
// per-answer values are −1/0/+1, as for a proportion or a mean score). The p-value is the normal
// tail from @stdlib; this file only computes the standard error and turns undefined cases into
// nulls, so callers never see NaN.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** One sample summarised: mean, variance of one observation (population form) and size. */
export interface SampleMoments {
  mean: number;
  variance: number;
  n: number;
}

export interface DifferenceTest {
  /** current.mean − previous.mean. */
  difference: number;
  /** Two-sided p-value of H0: the two means are equal; null when the test is undefined. */
  p: number | null;
}

/** Below this many answers in either period the test says nothing (as the margin of error). */
export const MIN_SAMPLE = 2;

/**
 * Two-sided z test of `current.mean − previous.mean` with standard error
 * √(varₐ/nₐ + var_b/n_b). Undefined (p null) when either sample has fewer than MIN_SAMPLE
 * answers; when both variances are 0 the difference is certain (p 0) unless it is 0 (p 1).
 */
export function differenceTest(current: SampleMoments, previous: SampleMoments): DifferenceTest {
  const difference = current.mean - previous.mean;
  if (current.n < MIN_SAMPLE || previous.n < MIN_SAMPLE) return { difference, p: null };
  const se = Math.sqrt(current.variance / current.n + previous.variance / previous.n);
  if (se === 0) return { difference, p: difference === 0 ? 1 : 0 };
  const z = Math.abs(difference) / se;
  return { difference, p: 2 * (1 - normalCdf(z, 0, 1)) };
}
