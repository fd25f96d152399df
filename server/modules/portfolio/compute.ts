// Scores every client of the organisation as of a day: facts (facts.ts) → raw inputs (inputs.ts)
// → percentiles and weighted scores (scores.ts). The stored form keeps raw values and percentiles,
// so a page of the matrix rebuilds its breakdown with the weights without reading the facts again.
import type { Ctx } from '../../context.ts';
import type { PortfolioBreakdown, PortfolioWeights } from '../../../shared/api/portfolio.ts';
import { loadFacts } from './facts.ts';
import { rawInputs } from './inputs.ts';
import {
  INPUTS_OF,
  percentilesOf,
  scoreAxis,
  scoreClient,
  type ClientScore,
  type Raw,
} from './scores.ts';

export interface Scored extends ClientScore {
  clientId: string;
  segment: string | null;
  managerId: string | null;
  revenueMinor: number;
  raw: Raw;
  pct: Raw;
}

/** Facts and percentiles once; scores per weight set (the preview scores twice). */
export async function computeInputs(ctx: Ctx, asOf: string) {
  const facts = await loadFacts(ctx, asOf);
  const raws = rawInputs(facts);
  const pcts = percentilesOf(raws);
  return { facts, raws, pcts };
}

export function scoreAll(
  inputs: Awaited<ReturnType<typeof computeInputs>>,
  weights: PortfolioWeights,
): Scored[] {
  const { facts, raws, pcts } = inputs;
  return facts.clients.map((c, i) => ({
    clientId: c.id,
    segment: c.segment,
    managerId: c.managerId,
    revenueMinor: facts.money.get(c.id)?.revenue12Minor ?? 0,
    raw: raws[i]!,
    pct: pcts[i]!,
    ...scoreClient(raws[i]!, pcts[i]!, weights),
  }));
}

export async function computeScores(
  ctx: Ctx,
  asOf: string,
  weights: PortfolioWeights,
): Promise<Scored[]> {
  return scoreAll(await computeInputs(ctx, asOf), weights);
}

const ORDER = [...INPUTS_OF.attractiveness, ...INPUTS_OF.relationship];

/** Raw values and percentiles as stored: two arrays in input order. */
export const packBreakdown = (raw: Raw, pct: Raw) =>
  JSON.stringify({
    r: ORDER.map((i) => short(raw[i], 4)),
    p: ORDER.map((i) => short(pct[i], 6)),
  });

/** Rounded for storage (the breakdown shows raw values to 4 and percentiles to 2 decimals). */
const short = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

export function unpackBreakdown(text: string): { raw: Raw; pct: Raw } {
  const { r, p } = JSON.parse(text) as { r: (number | null)[]; p: (number | null)[] };
  const raw = {} as Raw;
  const pct = {} as Raw;
  ORDER.forEach((input, i) => {
    raw[input] = r[i] ?? null;
    pct[input] = p[i] ?? null;
  });
  return { raw, pct };
}

export function breakdownOf(raw: Raw, pct: Raw, weights: PortfolioWeights): PortfolioBreakdown {
  return {
    attractiveness: scoreAxis('attractiveness', raw, pct, weights).items,
    relationship: scoreAxis('relationship', raw, pct, weights).items,
  };
}
