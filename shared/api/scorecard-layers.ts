// The layered scorecard (issue 16, METRICS.md "The layered scorecard"): per journey stage the four
// layers — satisfaction, transactional, operational, employee — each metric with its value in the
// window's last period, the period before, target, status, the count behind it, a sparkline and
// a drill-down link to exactly the rows counted. docs/scorecard.md fixes the choices.
import { z } from 'zod';
import { SCORECARD_PERIODS, TARGET_STATUSES } from './scorecard.ts';
import { targetDirection } from './stages.ts';

export const SCORECARD_LAYERS = [
  'satisfaction',
  'transactional',
  'operational',
  'employee',
] as const;
export type ScorecardLayer = (typeof SCORECARD_LAYERS)[number];

/** Built-in metrics of the satisfaction, transactional and employee layers (direction that is better). */
export const SATISFACTION_METRICS = {
  nps: 'up',
  csat: 'up',
  ces: 'down',
  response_rate: 'up',
} as const;
export const TRANSACTIONAL_METRICS = {
  revenue: 'up',
  arppu: 'up',
  on_time_share: 'up',
  retention: 'up',
} as const;
/**
 * competency_coverage (issue 18): share of (person × competency) pairs of the stage's employees at
 * or above their position's target, as of each period's end (docs/competencies.md); no drill-down.
 */
export const EMPLOYEE_METRICS = { enps: 'up', competency_coverage: 'up' } as const;
/** A process KPI appears in the scorecard and the drivers as `kpi:<its key>`. */
export const KPI_PREFIX = 'kpi:';

/** What a metric's unit is, for display: the UI and the reports format by it. */
export const METRIC_UNITS = [
  'points',
  'percent',
  'share',
  'money',
  'minutes',
  'seconds',
  'count',
  'score',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

const stageRef = { key: z.string(), nameRu: z.string(), nameEn: z.string() };

export const seriesPointOut = z.object({
  period: z.string(),
  value: z.number().nullable(),
  n: z.number().int().nullable(),
});

export const layerMetricOut = z.object({
  /** nps, revenue, cases.ack_minutes, calls.answered_share, enps, kpi:<key> … */
  metric: z.string(),
  layer: z.enum(SCORECARD_LAYERS),
  /** A KPI's own name (in the organisation's language) and English name; null for built-ins. */
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  unit: z.enum(METRIC_UNITS).nullable(),
  /** KPIs: the unit as the KPI was defined (%, шт). */
  unitLabel: z.string().nullable(),
  /** The value in the window's last period; null when there is nothing to measure. */
  value: z.number().nullable(),
  /** The value in the period before it. */
  previous: z.number().nullable(),
  target: z.number().nullable(),
  direction: targetDirection,
  status: z.enum(TARGET_STATUSES).nullable(),
  /** How many rows the value stands on — exactly what `drill` lists (null: none). */
  n: z.number().int().nullable(),
  /** Every period of the window, oldest first (the sparkline). */
  series: z.array(seriesPointOut),
  /** GET path of the rows behind `value` (null when the metric has none to list). */
  drill: z.string().nullable(),
});
export type LayerMetricOut = z.infer<typeof layerMetricOut>;

export const scorecardQuery = z.object({
  period: z.enum(SCORECARD_PERIODS).default('month'),
  /** First day of a period, YYYY-MM-DD (inclusive); default: six months (two quarters) back. */
  from: z.string().max(20).optional(),
  /** First day of the period after the window (exclusive); default: after the current one. */
  to: z.string().max(20).optional(),
  /** Clients of one segment: narrows the satisfaction and transactional layers. */
  segment: z.string().trim().min(1).max(200).optional(),
  /** Clients of one manager: narrows the satisfaction and transactional layers. */
  managerId: z.uuid().optional(),
  /** One stage's key; an unknown key is a 404. */
  stage: z.string().min(1).max(100).optional(),
});
export type ScorecardQuery = z.infer<typeof scorecardQuery>;

export const scorecardStageOut = z.object({
  ...stageRef,
  layers: z.object({
    satisfaction: z.array(layerMetricOut),
    transactional: z.array(layerMetricOut),
    operational: z.array(layerMetricOut),
    employee: z.array(layerMetricOut),
  }),
});
export type ScorecardStageOut = z.infer<typeof scorecardStageOut>;

export const scorecardOut = z.object({
  period: z.enum(SCORECARD_PERIODS),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  amberBand: z.number(),
  /** The periods of the window, oldest first; `value` is the last one's, `previous` the one before. */
  periods: z.array(z.string()),
  /** The segment the client layers are narrowed to (the manager filter is not echoed: an id). */
  segment: z.string().nullable(),
  stages: z.array(scorecardStageOut),
});
export type ScorecardOut = z.infer<typeof scorecardOut>;

// --- Drill-down ----------------------------------------------------------------------------

export const DRILL_KINDS = [
  'feedback',
  'transactions',
  'clients',
  'cases',
  'calls',
  'kpi_values',
  'enps_counts',
  'invites',
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export const drillQuery = z.object({
  stage: z.string().min(1).max(100),
  metric: z.string().min(1).max(80),
  /** The period's label: 2026-03 or 2026-Q1. */
  period: z.string().max(10),
  segment: z.string().trim().min(1).max(200).optional(),
  managerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type DrillQuery = z.infer<typeof drillQuery>;

/** One row behind a number: its id, when, and what it contributed. */
export const drillRowOut = z.object({
  id: z.string(),
  /** The record's date or instant. */
  at: z.string().nullable(),
  /** A public reference (CL-…, a case number, an external id), when it has one. */
  ref: z.string().nullable(),
  /** Who: the client's name, or null. */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  /** What it contributed: the score, the amount, minutes, the KPI value, an eNPS score… */
  value: z.number().nullable(),
  /** A word for the row: promoter, sale, refund, retained, resolved, answered, … */
  label: z.string().nullable(),
  text: z.string().nullable(),
  /** eNPS counts only: how many answers gave `value` (individual answers are never listed). */
  count: z.number().int().nullable(),
});
export type DrillRowOut = z.infer<typeof drillRowOut>;

export const drillOut = z.object({
  kind: z.enum(DRILL_KINDS),
  stage: z.string(),
  metric: z.string(),
  period: z.string(),
  /** The rows behind the value; their number (Σ count for eNPS) is the metric's `n`. */
  total: z.number().int(),
  items: z.array(drillRowOut),
  nextCursor: z.string().nullable(),
});
export type DrillOut = z.infer<typeof drillOut>;
