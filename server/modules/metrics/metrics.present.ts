// Domain results → the wire shapes of shared/api/metrics.ts. Rounding happens here and only
// here, so the formulas stay exact and every number in the API has one decimal at most.
import type {
  MetricSummaryOut,
  OverviewOut,
  SatisfactionChangeOut,
  SatisfactionGroupOut,
  SatisfactionOut,
} from '../../../shared/api/metrics.ts';
import type {
  SatisfactionGroup,
  SatisfactionOverview,
  SatisfactionReport,
} from './metrics.service.ts';
import { compareResults, type SatisfactionChange } from './comparison.ts';
import { computeSatisfaction, type SatisfactionResult } from './satisfaction.ts';

/** One decimal, half away from zero (so −12.25 → −12.3 like 12.25 → 12.3). */
export function round1(x: number): number;
export function round1(x: number | null): number | null;
export function round1(x: number | null): number | null {
  if (x === null) return null;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10;
  return r === 0 ? 0 : r; // no −0 on the wire
}

function presentResultFields(r: SatisfactionResult): Omit<SatisfactionGroupOut, 'key' | 'label'> {
  const common = {
    value: round1(r.value),
    responses: r.responses,
    marginOfError: round1(r.marginOfError),
  };
  switch (r.metric) {
    case 'nps':
      return { ...common, promoters: r.promoters, passives: r.passives, detractors: r.detractors };
    case 'csat':
      return { ...common, satisfied: r.satisfied, mean: round1(r.mean) };
    case 'ces':
      return { ...common, easy: r.easy, easyShare: round1(r.easyShare) };
  }
}

export function presentGroup(g: SatisfactionGroup): SatisfactionGroupOut {
  return {
    key: g.key,
    ...(g.label !== undefined ? { label: g.label } : {}),
    ...presentResultFields(g.result),
  };
}

function presentChange(c: SatisfactionChange): SatisfactionChangeOut {
  return {
    previousValue: round1(c.previousValue),
    previousResponses: c.previousResponses,
    value: round1(c.value),
    responses: c.responses,
    // p-values keep four decimals: one would hide the 0.05 line.
    pValue: c.pValue === null ? null : Math.round(c.pValue * 10_000) / 10_000,
    significant: c.significant,
  };
}

/** Filters without the unset ones (the drill-down copies them into a query string). */
const givenFilters = (f: NonNullable<SatisfactionReport['filters']>) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));

export function presentReport(report: SatisfactionReport): SatisfactionOut {
  const previous = report.previous;
  // A group compares with the same key before; months have other keys, so they do not.
  const before = new Map(previous?.groups.map((g) => [g.key, g.result]));
  const compares = previous !== undefined && report.groupBy !== 'month';
  const filters = givenFilters(report.filters ?? {});
  return {
    metric: report.metric,
    from: report.from,
    to: report.to,
    groupBy: report.groupBy,
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    groups: report.groups.map((g) => ({
      ...presentGroup(g),
      ...(compares
        ? {
            change: presentChange(
              compareResults(g.result, before.get(g.key) ?? computeSatisfaction(report.metric, [])),
            ),
          }
        : {}),
    })),
    ...(previous
      ? {
          previous: {
            from: previous.from,
            to: previous.to,
            monthsBack: previous.monthsBack,
            groups: previous.groups.map(presentGroup),
          },
        }
      : {}),
  };
}

function presentSummary(r: SatisfactionResult): MetricSummaryOut {
  return { value: round1(r.value), responses: r.responses, marginOfError: round1(r.marginOfError) };
}

export function presentOverview(o: SatisfactionOverview): OverviewOut {
  return {
    from: o.from,
    to: o.to,
    nps: presentSummary(o.nps),
    csat: presentSummary(o.csat),
    ces: presentSummary(o.ces),
  };
}
