// The levers of revenue (METRICS.md "Levers"; pure, no I/O): revenue = N × Q × APPN, and the
// change from window A to B split into the contributions of the paying clients N, purchases per
// paying client Q and the average purchase APPN by the log-mean Divisia index (LMDI-I):
//   contribution(x) = L(R_B, R_A) · ln(x_B / x_A),  L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a.
// Money is in minor units (kopecks). Exactness: the change is round(R_B) − round(R_A) in whole
// kopecks; each contribution is rounded half up to the kopeck and the rounding remainder (at most
// a kopeck or two) goes to the contribution largest in absolute value, so the three add up to the
// change exactly, in integers.

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

/** Splits R_B − R_A (whole minor units) into the contributions of N, Q and APPN. */
export function splitRevenueChange(a: LeverInputs, b: LeverInputs): LeverSplit {
  const change = Math.round(revenueOf(b)) - Math.round(revenueOf(a));
  for (const lever of LEVERS)
    for (const [name, w] of [
      ['A', a],
      ['B', b],
    ] as const)
      if (!(w[lever] > 0))
        return {
          change,
          contributions: null,
          reason: `${lever} is ${w[lever]} in window ${name}: the log-mean split needs every factor above 0`,
        };
  const weight = logMean(revenueOf(b), revenueOf(a));
  const raw = LEVERS.map((lever) => weight * Math.log(b[lever] / a[lever]));
  const rounded = raw.map((c) => Math.round(c));
  const remainder = change - rounded.reduce((s, c) => s + c, 0);
  const largest = raw.reduce((best, c, i) => (Math.abs(c) > Math.abs(raw[best]!) ? i : best), 0);
  rounded[largest]! += remainder;
  return {
    change,
    contributions: { payingClients: rounded[0]!, q: rounded[1]!, appn: rounded[2]! },
  };
}
