// One client's periods for the rollup figures (rollup-figures.ts; pure, no I/O): the periods it
// paid in, the periods it was active in (a sale or feedback), and the period ends at which it
// counts as churned. Worked out once per period unit and churn rule and kept with the client's
// month sets, which window-data.ts keeps in memory until the client changes — so a request walks
// a few short arrays per client instead of its whole history (20 000 clients: ≈ 2 ms, not 20).
import { MONTHS, type PeriodUnit } from './periods.ts';

/** A client's month sets decoded (month-set.ts): month indexes, ascending. */
export interface ClientMonths {
  sales: Int32Array;
  feedback: Int32Array;
  /** Periods worked out so far, by `${unit}:${fixed threshold}`. */
  memo?: Map<string, ClientPeriods>;
}

export interface ClientPeriods {
  /** Distinct periods with a sale, ascending. */
  pays: Int32Array;
  /** Distinct periods with a sale or feedback, ascending. */
  active: Int32Array;
  /** Pairs [from, to] (to may be Infinity): churned at every period end e, from ≤ e ≤ to. */
  churn: number[];
}

/** The distinct periods of `unit` of ascending months, ascending. */
function periodsOf(months: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (const m of months) {
    const p = Math.floor(m / k);
    if (out.length === 0 || out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

/** The union of two ascending lists of distinct numbers, ascending. */
function merged(a: readonly number[], b: readonly number[]): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return Int32Array.from(out);
}

/** Inserts into the ascending `sorted[0 … n)` by shifting (n is tens at most). */
function insertSorted(sorted: number[], n: number, value: number): void {
  let j = n - 1;
  while (j >= 0 && sorted[j]! > value) {
    sorted[j + 1] = sorted[j]!;
    j--;
  }
  sorted[j + 1] = value;
}

/**
 * After paying period P_i the client is churned at period end e once e − P_i − 1 > threshold_i,
 * until its next paying period; the threshold comes from the gaps up to P_i (periods.ts
 * churnAfterPeriods: max(2, 3 × median)) or is the organisation's fixed one.
 */
function churnSpans(pays: readonly number[], fixed: number | null): number[] {
  const spans: number[] = [];
  const gaps: number[] = []; // gaps[0 … i) sorted: the gaps between the paying periods up to P_i
  for (let i = 0; i < pays.length; i++) {
    if (i > 0) insertSorted(gaps, i - 1, pays[i]! - pays[i - 1]!);
    const next = i + 1 < pays.length ? pays[i + 1]! : Infinity;
    // The smallest threshold is min(fixed, 2): a shorter gap never churns (saves the median).
    if (next < pays[i]! + 2 + Math.min(fixed ?? 2, 2)) continue;
    const mid = i >> 1;
    const median = i % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
    const threshold = fixed ?? (i === 0 ? 2 : Math.max(2, 3 * median));
    // Churned at e when e − P_i − 1 > threshold (the threshold may be fractional).
    const from = Math.floor(pays[i]! + 1 + threshold) + 1;
    if (from <= next) spans.push(from, next);
  }
  return spans;
}

/** The client's periods of `unit` under the churn rule, worked out on first use. */
export function clientPeriods(
  c: ClientMonths,
  unit: PeriodUnit,
  fixed: number | null,
): ClientPeriods {
  const key = `${unit}:${fixed ?? ''}`;
  c.memo ??= new Map();
  let p = c.memo.get(key);
  if (!p) {
    const pays = periodsOf(c.sales, MONTHS[unit]);
    p = {
      pays: Int32Array.from(pays),
      active: merged(pays, periodsOf(c.feedback, MONTHS[unit])),
      churn: churnSpans(pays, fixed),
    };
    c.memo.set(key, p);
  }
  return p;
}

/** The first index of the ascending `xs` whose value is ≥ `x`. */
export function lowerBound(xs: Int32Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
