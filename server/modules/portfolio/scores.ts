// The portfolio scores (METRICS.md "Portfolio matrix"; choices in docs/portfolio.md), pure:
// each input is scaled to 0–100 by its percent rank among the clients that have it (ties share
// the mean of their ranks), an axis score is the weighted sum of those percentiles, and the weight
// of an input a client lacks is shared among the axis's other inputs in proportion to theirs.
import {
  ATTRACTIVENESS_INPUTS,
  HIGH_FROM,
  LOW_BELOW,
  RELATIONSHIP_INPUTS,
  type BreakdownItem,
  type PortfolioAxis,
  type PortfolioInput,
  type PortfolioWeights,
} from '../../../shared/api/portfolio.ts';
import type { PortfolioLevel } from '../../../shared/domain/vocabulary.ts';

export type Raw = Record<PortfolioInput, number | null>;
export const INPUTS_OF: Record<PortfolioAxis, readonly PortfolioInput[]> = {
  attractiveness: ATTRACTIVENESS_INPUTS,
  relationship: RELATIONSHIP_INPUTS,
};
const ALL_INPUTS = [...ATTRACTIVENESS_INPUTS, ...RELATIONSHIP_INPUTS];

/**
 * Percent rank 0–100 of each value among the non-null ones: (mean 1-based rank of its ties − 1)
 * / (n − 1) × 100; a single value (or all equal) gets 50. Null stays null.
 */
export function percentRanks(values: readonly (number | null)[]): (number | null)[] {
  const present = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null)
    .sort((a, b) => a.v - b.v);
  const out: (number | null)[] = values.map(() => null);
  const n = present.length;
  let at = 0;
  while (at < n) {
    let end = at;
    while (end + 1 < n && present[end + 1]!.v === present[at]!.v) end += 1;
    const meanRank0 = (at + end) / 2;
    const pct = n === 1 ? 50 : (meanRank0 / (n - 1)) * 100;
    for (let k = at; k <= end; k++) out[present[k]!.i] = pct;
    at = end + 1;
  }
  return out;
}

/** Percentiles of every input for every client (same order as `raws`). */
export function percentilesOf(raws: readonly Raw[]): Raw[] {
  const out: Raw[] = raws.map(() => ({}) as Raw);
  for (const input of ALL_INPUTS) {
    const ranks = percentRanks(raws.map((r) => r[input]));
    ranks.forEach((p, i) => (out[i]![input] = p));
  }
  return out;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** One axis: the score (0–100, one decimal) and what each input gave. */
export function scoreAxis(
  axis: PortfolioAxis,
  raw: Raw,
  pct: Raw,
  weights: PortfolioWeights,
): { score: number; items: BreakdownItem[] } {
  const w = weights[axis] as Record<string, number>;
  const inputs = INPUTS_OF[axis];
  const presentWeight = inputs.reduce((s, i) => s + (pct[i] === null ? 0 : w[i]!), 0);
  let score = 0;
  const items = inputs.map((input) => {
    const p = pct[input];
    const effective = p === null || presentWeight === 0 ? 0 : (w[input]! * 100) / presentWeight;
    const points = p === null ? 0 : (effective * p) / 100;
    score += points;
    return {
      input,
      raw: raw[input] === null ? null : round(raw[input]!, 4),
      percentile: p === null ? null : round(p, 2),
      weight: w[input]!,
      effectiveWeight: round(effective, 2),
      points: round(points, 2),
    };
  });
  return { score: round(score, 1), items };
}

/** low < 33.3 ≤ medium < 66.7 ≤ high, on the score as shown (one decimal). */
export function levelOf(score: number): PortfolioLevel {
  if (score < LOW_BELOW) return 'low';
  return score < HIGH_FROM ? 'medium' : 'high';
}

export interface ClientScore {
  attractiveness: number;
  relationship: number;
  cellA: PortfolioLevel;
  cellR: PortfolioLevel;
}

export function scoreClient(raw: Raw, pct: Raw, weights: PortfolioWeights): ClientScore {
  const a = scoreAxis('attractiveness', raw, pct, weights).score;
  const r = scoreAxis('relationship', raw, pct, weights).score;
  return { attractiveness: a, relationship: r, cellA: levelOf(a), cellR: levelOf(r) };
}

/** What is wrong with the weights (nothing: they are fine): negatives, an axis not at 100. */
export function weightProblems(weights: PortfolioWeights): { name: string; reason: string }[] {
  const problems: { name: string; reason: string }[] = [];
  for (const axis of ['attractiveness', 'relationship'] as const) {
    const w = weights[axis] as Record<string, number>;
    for (const [input, value] of Object.entries(w))
      if (value < 0) problems.push({ name: `body.${axis}.${input}`, reason: 'must be ≥ 0' });
    const sum = Object.values(w).reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 100) > 1e-9)
      problems.push({ name: `body.${axis}`, reason: `weights sum to ${sum}, not 100` });
  }
  return problems;
}
