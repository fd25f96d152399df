// The levers of revenue (METRICS.md "Levers"; pure, no I/O): revenue = N × Q × APPN, and the
// change from window A to B split into the contributions of the paying clients N, purchases per
// paying client Q and the average purchase APPN by the log-mean Divisia index (LMDI-I):
//   contribution(x) = L(R_B, R_A) · ln(x_B / x_A),  L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a.
// Money is in minor units (kopecks). Exactness: the change is round(R_B) − round(R_A) in whole
// kopecks; each contribution is rounded half up to the kopeck and the rounding remainder (at most
// a kopeck or two) goes to the contribution largest in absolute value, so the three add up to the
// change exactly, in integers. Margin = N × Q × APPN × margin rate splits the same way in four.

export interface LeverInputs {
  /** N: clients with at least one sale in the window. */
  payingClients: number;
  /** Q: purchases per paying client. */
  q: number;
  /** APPN: the average purchase, in minor units (may be fractional: a mean). */
  appn: number;
}

export type Lever = keyof LeverInputs;
export const LEVERS: readonly Lever[] = ['payingClients', 'q', 'appn'];

export type LeverSplit =
  | { change: number; contributions: Record<Lever, number>; reason?: undefined }
  | { change: number; contributions: null; reason: string };

/** R = N × Q × APPN, in minor units (unrounded). */
export const revenueOf = (x: LeverInputs): number => x.payingClients * x.q * x.appn;

/** The logarithmic mean; L(a, a) = a. Both arguments must be positive. */
export function logMean(a: number, b: number): number {
  if (a === b) return a;
  return (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * Splits V_B − V_A (whole minor units) of a product V = Π factors into one contribution per
 * factor (LMDI-I); null with the reason when a factor is not above 0 in either window.
 */
export function splitProductChange<K extends string>(
  names: readonly K[],
  a: Record<K, number>,
  b: Record<K, number>,
): { change: number; contributions: Record<K, number> | null; reason: string | null } {
  const product = (x: Record<K, number>) => names.reduce((p, n) => p * x[n], 1);
  const change = Math.round(product(b)) - Math.round(product(a));
  for (const name of names)
    for (const [label, w] of [
      ['A', a],
      ['B', b],
    ] as const)
      if (!(w[name] > 0))
        return {
          change,
          contributions: null,
          reason: `${name} is ${w[name]} in window ${label}: the log-mean split needs every factor above 0`,
        };
  const weight = logMean(product(b), product(a));
  const raw = names.map((n) => weight * Math.log(b[n] / a[n]));
  const rounded = raw.map((c) => Math.round(c));
  const remainder = change - rounded.reduce((sum, c) => sum + c, 0);
  const largest = raw.reduce((best, c, i) => (Math.abs(c) > Math.abs(raw[best]!) ? i : best), 0);
  rounded[largest]! += remainder;
  const contributions = Object.fromEntries(names.map((n, i) => [n, rounded[i]!])) as Record<
    K,
    number
  >;
  return { change, contributions, reason: null };
}

/** Splits R_B − R_A (whole minor units) into the contributions of N, Q and APPN. */
export function splitRevenueChange(a: LeverInputs, b: LeverInputs): LeverSplit {
  const { change, contributions, reason } = splitProductChange(LEVERS, a, b);
  return contributions
    ? { change, contributions }
    : { change, contributions: null, reason: reason! };
}

export interface MarginLeverInputs extends LeverInputs {
  /** margin / revenue. */
  marginRate: number;
}
export const MARGIN_LEVERS = [...LEVERS, 'marginRate'] as const;

/** Splits M_B − M_A (margin = N × Q × APPN × margin rate) into four contributions. */
export const splitMarginChange = (a: MarginLeverInputs, b: MarginLeverInputs) =>
  splitProductChange(MARGIN_LEVERS, a, b);
