// The profit formula's figures for one window, from the economics summary: the tree
// revenue = N × Q × APPN → margin → profit, and CAC against a 12-month LTV.
import type { SummaryOut } from '../../api/economics.ts';

export type FigureKind = 'money' | 'count' | 'ratio' | 'percent';
export const FORMULA_FIGURES = [
  ['revenue', 'money'],
  ['payingClients', 'count'],
  ['q', 'ratio'],
  ['appn', 'money'],
  ['margin', 'money'],
  ['marginRate', 'percent'],
  ['costCoverage', 'percent'],
  ['spend', 'money'],
  ['profit', 'money'],
  ['newClients', 'count'],
  ['cac', 'money'],
  ['ltv', 'money'],
  ['ltvToCac', 'ratio'],
] as const satisfies readonly (readonly [string, FigureKind])[];
export type FigureKey = (typeof FORMULA_FIGURES)[number][0];
export type WindowFigures = Record<FigureKey, number | null>;

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/**
 * `ltvBasis` is the summary of the 12 months that end where the window ends: LTV here is the
 * margin of those 12 months per client who paid in them (a one-year LTV, not a prediction).
 */
export function windowFigures(s: SummaryOut, ltvBasis: SummaryOut | undefined): WindowFigures {
  const ltv = ltvBasis ? ratio(ltvBasis.margin, ltvBasis.payingClients) : null;
  return {
    revenue: s.revenue,
    payingClients: s.payingClients,
    q: s.q,
    appn: s.appn,
    margin: s.margin,
    marginRate: ratio(s.margin, s.revenue),
    costCoverage: s.costCoverage,
    // profit = margin − spend, so the spend of the window is their difference (null with a filter).
    spend: s.profit === null ? null : Math.round((s.margin - s.profit) * 100) / 100,
    profit: s.profit,
    newClients: s.newClients,
    cac: s.cac,
    ltv,
    ltvToCac: ltv !== null && s.cac ? ltv / s.cac : null,
  };
}
