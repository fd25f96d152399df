// Period-over-period change of a satisfaction figure (issue 21) and whether it is more than
// sampling noise. Each figure's margin of error is Z·√(s²/n) (satisfaction.ts: NPS over answers
// worth +1/0/−1, CSAT over the share satisfied, CES over the effort scores), so s²/n = (MoE/Z)²
// and the difference of two independent periods has the standard error √((MoE₁/Z)² + (MoE₂/Z)²).
// "Significant" is the two-sided z test of the difference (server/lib/stats/difference.ts) at
// p < 0.05 — equivalently |change| > √(MoE₁² + MoE₂²), the margin of error of the difference,
// which is narrower than adding the two margins and wider than either alone.
import { differenceTest } from '../../lib/stats/difference.ts';
import { Z_95, type SatisfactionResult } from './satisfaction.ts';

export const SIGNIFICANCE_LEVEL = 0.05;

export interface SatisfactionChange {
  previousValue: number | null;
  previousResponses: number;
  /** current − previous, in the figure's unit; null when either has no answers. */
  value: number | null;
  /** Change in the number of answers. */
  responses: number;
  pValue: number | null;
  significant: boolean | null;
}

const momentsOf = (r: SatisfactionResult) => ({
  mean: r.value ?? 0,
  variance: r.marginOfError === null ? 0 : r.responses * (r.marginOfError / Z_95) ** 2,
  n: r.marginOfError === null ? Math.min(r.responses, 1) : r.responses,
});

export function compareResults(
  current: SatisfactionResult,
  previous: SatisfactionResult,
): SatisfactionChange {
  const both = current.value !== null && previous.value !== null;
  const test = both ? differenceTest(momentsOf(current), momentsOf(previous)) : null;
  const p = test?.p ?? null;
  return {
    previousValue: previous.value,
    previousResponses: previous.responses,
    value: test ? test.difference : null,
    responses: current.responses - previous.responses,
    pValue: p,
    significant: p === null ? null : p < SIGNIFICANCE_LEVEL,
  };
}
