// The strategy map (issue 18, SPEC C12; docs/strategy.md): goals in four perspectives, cause →
// effect arrows, KPIs per goal (manual with a dated history, or bound to a live metric of the
// analytics modules), and the initiatives / training items under each goal.
import { z } from 'zod';
import {
  PORTFOLIO_LEVELS,
  STRATEGY_ITEM_KINDS,
  STRATEGY_KPI_SOURCES,
  STRATEGY_PERSPECTIVES,
  TARGET_DIRECTIONS,
} from '../domain/vocabulary.ts';

export { STRATEGY_ITEM_KINDS, STRATEGY_PERSPECTIVES };
export const perspective = z.enum(STRATEGY_PERSPECTIVES);
export const itemKind = z.enum(STRATEGY_ITEM_KINDS);

const calendarDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD')
  .describe('YYYY-MM-DD');
const title = z.string().trim().min(1).max(300);
const description = z.string().trim().max(4000);

export const goalIn = z.object({
  perspective,
  /** One text, in the organisation's language. */
  title,
  description: description.nullable().optional(),
  /** The owner when a user (a person with a login). A goal has one owner: this or employeeId. */
  ownerId: z.uuid().nullable().optional(),
  /** The owner when an employee (with or without a login). */
  employeeId: z.uuid().nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
});
export type GoalIn = z.infer<typeof goalIn>;
export const goalPatch = goalIn.partial();
export type GoalPatch = z.infer<typeof goalPatch>;

// --- Bindings: the registry of live metrics a KPI can follow ---------------------------------

/**
 * The window a bound KPI reads, in the organisation's time zone: the last closed month or
 * quarter, the running one, or the one before the last closed (retention of a period is known
 * only once the period after it has closed; docs/strategy.md).
 */
export const BINDING_WINDOWS = [
  'last_month',
  'current_month',
  'month_before_last',
  'last_quarter',
  'current_quarter',
  'quarter_before_last',
] as const;
export const bindingWindow = z.enum(BINDING_WINDOWS);
export type BindingWindow = z.infer<typeof bindingWindow>;

export const BINDING_PARAMS = [
  'stage',
  'window',
  'metric',
  'attractiveness',
  'relationship',
] as const;
export const bindingParams = z.object({
  /** A journey stage's key (a team, for eNPS). */
  stage: z.string().trim().min(1).max(100).optional(),
  window: bindingWindow.optional(),
  /** A scorecard metric of the stage: nps, revenue, retention, cases.ack_minutes, kpi:<key> … */
  metric: z.string().trim().min(1).max(200).optional(),
  attractiveness: z.enum(PORTFOLIO_LEVELS).optional(),
  relationship: z.enum(PORTFOLIO_LEVELS).optional(),
});
export type BindingParams = z.infer<typeof bindingParams>;

export const bindingIn = z.object({
  /** A key of GET /api/v1/strategy/metrics. */
  metric: z.string().min(1).max(100),
  params: bindingParams.default({}),
});
export type BindingIn = z.infer<typeof bindingIn>;

export const bindableMetricOut = z.object({
  key: z.string(),
  labelRu: z.string(),
  labelEn: z.string(),
  /** points, percent, share (0–1), money, count, score, minutes … */
  unit: z.string(),
  direction: z.enum(TARGET_DIRECTIONS),
  /** The parameters it takes; `required` ones must be given. */
  params: z.array(z.object({ name: z.enum(BINDING_PARAMS), required: z.boolean() })),
  /** The endpoint whose figure the KPI shows (same window → same number). */
  source: z.string(),
});
export const bindableMetricsOut = z.object({
  items: z.array(bindableMetricOut),
  windows: z.array(bindingWindow),
});
export type BindableMetricsOut = z.infer<typeof bindableMetricsOut>;

// --- KPIs -----------------------------------------------------------------------------------

export const kpiIn = z.object({
  name: title,
  /** Shown after the value: %, ₽, шт. */
  unit: z.string().trim().min(1).max(30).nullable().optional(),
  target: z.number().finite().nullable().optional(),
  direction: z.enum(TARGET_DIRECTIONS),
  dueDate: calendarDate.nullable().optional(),
  /** A live metric to follow; null or absent: a manual KPI (values entered with dates). */
  binding: bindingIn.nullable().optional(),
});
export type KpiIn = z.infer<typeof kpiIn>;
export const kpiPatch = kpiIn.partial();
export type KpiPatch = z.infer<typeof kpiPatch>;

export const kpiValueIn = z.object({ onDate: calendarDate, value: z.number().finite() });
export type KpiValueIn = z.infer<typeof kpiValueIn>;
export const kpiValueOut = z.object({ onDate: z.string(), value: z.number() });
export const kpiValuesOut = z.object({ items: z.array(kpiValueOut) });
export const kpiValueDateParam = z.object({ id: z.uuid(), date: calendarDate });

export const windowOut = z.object({
  period: z.enum(['month', 'quarter']),
  /** 2026-11 or 2026-Q4. */
  label: z.string(),
  /** Days YYYY-MM-DD: [fromDate, toDate) — the economics and scorecard query form. */
  fromDate: z.string(),
  toDate: z.string(),
  /** The same bounds as instants (ISO, UTC) — the satisfaction query form. */
  from: z.string(),
  to: z.string(),
});
export type WindowOut = z.infer<typeof windowOut>;

export const KPI_UNAVAILABLE = ['no_data', 'hidden', 'forbidden', 'unknown_stage'] as const;
export const currentOut = z.object({
  value: z.number().nullable(),
  /** A manual KPI: the day of its latest value. */
  onDate: z.string().nullable(),
  /** A bound KPI: the window the value is of (a portfolio count: null — it is of now). */
  window: windowOut.nullable(),
  /** Why a bound KPI has no value: no_data, hidden (eNPS below 5 answers), forbidden (the
   * reader's role may not see the source), unknown_stage. */
  unavailable: z.enum(KPI_UNAVAILABLE).nullable(),
});
export type CurrentOut = z.infer<typeof currentOut>;

export const kpiOut = z.object({
  id: z.string(),
  goalId: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  target: z.number().nullable(),
  direction: z.enum(TARGET_DIRECTIONS),
  dueDate: z.string().nullable(),
  source: z.enum(STRATEGY_KPI_SOURCES),
  binding: z.object({ metric: z.string(), params: bindingParams }).nullable(),
  current: currentOut,
  /** green / amber / red against the target (the scorecard's rule); null without both. */
  status: z.enum(['green', 'amber', 'red']).nullable(),
});
export type KpiOut = z.infer<typeof kpiOut>;

// --- Goals, items, the map ------------------------------------------------------------------

export const itemOut = z.object({
  kind: itemKind,
  itemId: z.string(),
  /** From the owning module (backlog, competencies); null while that module is not wired. */
  title: z.string().nullable(),
  status: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type ItemOut = z.infer<typeof itemOut>;
export const itemParams = z.object({ id: z.uuid(), kind: itemKind, itemId: z.uuid() });
export const arrowParams = z.object({ id: z.uuid(), effectId: z.uuid() });

export const goalOut = z.object({
  id: z.string(),
  perspective,
  title: z.string(),
  description: z.string().nullable(),
  owner: z
    .object({ kind: z.enum(['employee', 'user']), id: z.string(), name: z.string() })
    .nullable(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GoalOut = z.infer<typeof goalOut>;

export const mapGoalOut = goalOut.extend({ kpis: z.array(kpiOut), items: z.array(itemOut) });
export type MapGoalOut = z.infer<typeof mapGoalOut>;
export const arrowOut = z.object({ causeGoalId: z.string(), effectGoalId: z.string() });
export type ArrowOut = z.infer<typeof arrowOut>;

export const strategyMapOut = z.object({
  /** Bottom to top of the drawing: learning_growth, processes, clients, financial. */
  perspectives: z.array(perspective),
  goals: z.array(mapGoalOut),
  arrows: z.array(arrowOut),
});
export type StrategyMapOut = z.infer<typeof strategyMapOut>;
