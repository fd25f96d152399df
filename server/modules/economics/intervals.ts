// 95 % intervals for the satisfaction ↔ behaviour figures. The distributions and the Welch test
// come from @stdlib (a maintained statistics library); the formulas built on them are the
// textbook ones: a t interval for a mean, Welch's interval for a difference of means, Wilson's
// score interval for a proportion and Newcombe's hybrid score interval (his method 10) for a
// difference of two proportions. null when a count is too small for the formula.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import ttest2 from '@stdlib/stats-ttest2';

export type Interval = [number, number] | null;
const Z = normalQuantile(0.975, 0, 1);

function meanAndSd(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** Student t interval of the mean (n ≥ 2). */
export function meanInterval(xs: readonly number[]): Interval {
  if (xs.length < 2) return null;
  const { mean, sd } = meanAndSd(xs);
  const half = tQuantile(0.975, xs.length - 1) * (sd / Math.sqrt(xs.length));
  return [mean - half, mean + half];
}

/** Welch interval of mean(x) − mean(y) (each n ≥ 2, not both constant). */
export function meanDifferenceInterval(x: readonly number[], y: readonly number[]): Interval {
  if (x.length < 2 || y.length < 2) return null;
  if (meanAndSd(x).sd === 0 && meanAndSd(y).sd === 0) return null;
  const { ci } = ttest2([...x], [...y], { alpha: 0.05 });
  return [ci[0]!, ci[1]!];
}

/** Wilson score interval of successes / n (n ≥ 1). */
export function proportionInterval(successes: number, n: number): Interval {
  if (n < 1) return null;
  const p = successes / n;
  const denominator = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's hybrid score interval of p1 − p2 (both n ≥ 1). */
export function proportionDifferenceInterval(
  s1: number,
  n1: number,
  s2: number,
  n2: number,
): Interval {
  const a = proportionInterval(s1, n1);
  const b = proportionInterval(s2, n2);
  if (!a || !b) return null;
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const lower = Math.sqrt((p1 - a[0]) ** 2 + (b[1] - p2) ** 2);
  const upper = Math.sqrt((a[1] - p1) ** 2 + (p2 - b[0]) ** 2);
  return [p1 - p2 - lower, p1 - p2 + upper];
}
