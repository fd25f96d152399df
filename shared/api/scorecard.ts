// The scorecard's operational layer (issue 15): process KPIs — named series per stage and month,
// defined, entered by hand or imported — and GET /api/v1/scorecard/operations, which gives per
// stage and period the case metrics, the phone metrics and every KPI, each with its target and
// status. docs/scorecard.md has the definitions. The employee layer's endpoint answers in the
// same shape (stages → periods → metric values).
import { z } from 'zod';
import { metricKey, targetDirection } from './stages.ts';

/** A KPI's key: a metric key (it is what stage targets name) outside the built-in families. */
export const kpiKeyParam = z.object({ key: metricKey });
/** Keys the built-in metrics use; a KPI cannot take one (422). */
export const RESERVED_KPI_PREFIXES = ['cases.', 'calls.', 'enps', 'nps', 'csat', 'ces'] as const;
export function reservedKpiKey(key: string): boolean {
  return RESERVED_KPI_PREFIXES.some((p) =>
    p.endsWith('.') ? key.startsWith(p) : key === p || key.startsWith(`${p}.`),
  );
}

const name = z.string().trim().min(1).max(200);
export const putKpiBody = z.object({
  /** The name (e.g. «Доставка вовремя»), in the organisation's language. */
  name,
  /** An English name, when the team reads both. */
  nameEn: name.nullable().optional(),
  /** Shown after the value: %, мин, шт. */
  unit: z.string().trim().min(1).max(30).nullable().optional(),
  direction: targetDirection,
  /** The default target on every stage (a stage's target for the key comes first). */
  target: z.number().finite().nullable().optional(),
});
export type PutKpiBody = z.infer<typeof putKpiBody>;

export const kpiOut = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string().nullable(),
  direction: targetDirection,
  target: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KpiOut = z.infer<typeof kpiOut>;

/** A calendar month, YYYY-MM (checked by the service: a bad one is a 422 naming the item). */
export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MAX_KPI_VALUES = 5000;
export const kpiValueIn = z.object({
  /** A stage key of the registry; an unknown one is a 404 and nothing is written. */
  stage: z.string().min(1).max(100),
  period: z.string().max(20),
  value: z.number().finite(),
  /** This stage's target for this month, over the stage's and the KPI's. */
  target: z.number().finite().nullable().optional(),
});
export type KpiValueIn = z.infer<typeof kpiValueIn>;
export const putKpiValuesBody = z.object({
  values: z.array(kpiValueIn).min(1).max(MAX_KPI_VALUES),
});

export const kpiValueOut = z.object({
  stage: z.string(),
  period: z.string(),
  value: z.number(),
  target: z.number().nullable(),
  updatedAt: z.string(),
});
export type KpiValueOut = z.infer<typeof kpiValueOut>;
export const kpiValuesOut = z.object({ items: z.array(kpiValueOut) });

const month = z.string().regex(MONTH_RE, 'YYYY-MM');
export const listKpiValuesQuery = z.object({
  stage: z.string().min(1).max(100).optional(),
  /** First month (inclusive). */
  from: month.optional(),
  /** Month after the last (exclusive). */
  to: month.optional(),
});
export type ListKpiValuesQuery = z.infer<typeof listKpiValuesQuery>;

// --- The operational layer ---------------------------------------------------------------

export const SCORECARD_PERIODS = ['month', 'quarter'] as const;
export type ScorecardPeriod = (typeof SCORECARD_PERIODS)[number];
export const TARGET_STATUSES = ['green', 'amber', 'red'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
/** Amber: on the wrong side of the target by at most this share of it (docs/scorecard.md). */
export const AMBER_BAND = 0.1;

/** The built-in metrics of the layer, with the direction that is better. */
export const CASE_METRICS = {
  'cases.ack_minutes': 'down',
  'cases.resolve_minutes': 'down',
  'cases.reopen_rate': 'down',
  'cases.sla_breach_share': 'down',
  'cases.backlog': 'down',
} as const;
export const CALL_METRICS = {
  'calls.answered_share': 'up',
  'calls.missed_share': 'down',
  'calls.avg_wait_seconds': 'down',
  'calls.callback_within_target_share': 'up',
} as const;

export const metricValueOut = z.object({
  /** cases.* / calls.* or the KPI's key: what a stage target names. */
  metric: z.string(),
  /** null: nothing to measure in the period. */
  value: z.number().nullable(),
  /** The stage's target for the metric, else (KPIs) the value's own, else the KPI's. */
  target: z.number().nullable(),
  direction: targetDirection,
  /** null without a value or a target. */
  status: z.enum(TARGET_STATUSES).nullable(),
  /** How many cases, calls or months the value stands on; null for a KPI's single month. */
  n: z.number().int().nullable(),
});
export type MetricValueOut = z.infer<typeof metricValueOut>;

export const kpiMetricOut = metricValueOut.extend({
  name: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string().nullable(),
});

export const operationsPeriodOut = z.object({
  /** 2026-03 or 2026-Q1. */
  period: z.string(),
  /** The period's bounds as instants, in the organisation's time zone. */
  from: z.string(),
  to: z.string(),
  cases: z.array(metricValueOut),
  calls: z.array(metricValueOut),
  kpis: z.array(kpiMetricOut),
});
export type OperationsPeriodOut = z.infer<typeof operationsPeriodOut>;

export const scorecardStageOut = z.object({
  key: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
});

export const operationsScorecardQuery = z.object({
  period: z.enum(SCORECARD_PERIODS).default('month'),
  /** First day of a period, YYYY-MM-DD (inclusive); default: six months (two quarters) back. */
  from: z.string().max(20).optional(),
  /** First day of the period after the window (exclusive); default: after the current one. */
  to: z.string().max(20).optional(),
  /** One stage's key; an unknown key is a 404. */
  stage: z.string().min(1).max(100).optional(),
});
export type OperationsScorecardQuery = z.infer<typeof operationsScorecardQuery>;

export const operationsScorecardOut = z.object({
  period: z.enum(SCORECARD_PERIODS),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  amberBand: z.number(),
  stages: z.array(scorecardStageOut.extend({ periods: z.array(operationsPeriodOut) })),
});
export type OperationsScorecardOut = z.infer<typeof operationsScorecardOut>;
