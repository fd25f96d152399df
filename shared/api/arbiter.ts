// Key drivers and the arbiter report (issue 16, METRICS.md "Key drivers", "The arbiter report").
// Drivers: per stage, across the periods of a window, the Pearson correlation of each lower-layer
// metric with a satisfaction metric or retention, with n and a two-sided p, and the share of R²
// each explains (Shapley decomposition over at most 8 drivers). The arbiter ranks the stages by
// revenue at risk, each with its evidence and a suggested action from an editable rule table.
import { z } from 'zod';
import { ARBITER_RULE_WHEN } from '../domain/vocabulary.ts';
import { SCORECARD_LAYERS, layerMetricOut, scorecardQuery } from './scorecard-layers.ts';

export const DRIVER_TARGETS = ['nps', 'csat', 'retention'] as const;
export type DriverTarget = (typeof DRIVER_TARGETS)[number];
/** Fewer points than this: "not enough data", never ranked. */
export const MIN_DRIVER_POINTS = 8;
/** At most this many drivers go into the R² decomposition (2^8 regressions). */
export const MAX_SHAPLEY_DRIVERS = 8;
/** A driver is significant below this two-sided p. */
export const DRIVER_ALPHA = 0.05;

export const driversQuery = z.object({
  stage: z.string().min(1).max(100),
  target: z.enum(DRIVER_TARGETS).default('nps'),
  /** First day of a month (inclusive); default: 24 months back. */
  from: z.string().max(20).optional(),
  /** First day of the month after the window (exclusive); default: after the current month. */
  to: z.string().max(20).optional(),
});
export type DriversQuery = z.infer<typeof driversQuery>;

export const DRIVER_STATUSES = ['ranked', 'not_enough_data'] as const;
export const driverOut = z.object({
  /** cases.ack_minutes, revenue, enps, kpi:on_time_delivery … */
  metric: z.string(),
  layer: z.enum(SCORECARD_LAYERS),
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  /** Pearson r over the periods where both the driver and the target have a value. */
  r: z.number().nullable(),
  n: z.number().int(),
  /** Two-sided p of r ≠ 0 (t test with n − 2 degrees of freedom). */
  p: z.number().nullable(),
  /** Share of the model's R² this driver explains (Shapley); null when not in the model. */
  importance: z.number().nullable(),
  status: z.enum(DRIVER_STATUSES),
  significant: z.boolean(),
});
export type DriverOut = z.infer<typeof driverOut>;

export const driversOut = z.object({
  stage: z.string(),
  target: z.enum(DRIVER_TARGETS),
  from: z.string(),
  to: z.string(),
  /** Periods (months) in the window. */
  periods: z.number().int(),
  /** R² of the target on the drivers in the model; null without a model. */
  r2: z.number().nullable(),
  /** False: no driver is significant at DRIVER_ALPHA ("no significant driver"). */
  anySignificant: z.boolean(),
  drivers: z.array(driverOut),
  /** The strongest ranked driver's points, for the scatter plot. */
  scatter: z
    .object({
      metric: z.string(),
      points: z.array(z.object({ period: z.string(), x: z.number(), y: z.number() })),
    })
    .nullable(),
});
export type DriversOut = z.infer<typeof driversOut>;

// --- The arbiter ---------------------------------------------------------------------------

export const arbiterQuery = z.object({
  /** First day of a month (inclusive); default: the last full month. */
  from: z.string().max(20).optional(),
  /** First day of the month after the window (exclusive). */
  to: z.string().max(20).optional(),
});
export type ArbiterQuery = z.infer<typeof arbiterQuery>;

export const RISK_METHODS = ['churn_history', 'detractor_share'] as const;

export const arbiterExampleOut = z.object({
  feedbackId: z.string(),
  ref: z.string(),
  text: z.string(),
  score: z.number().nullable(),
  receivedAt: z.string(),
  topic: z.string().nullable(),
});
export const arbiterCaseOut = z.object({
  id: z.string(),
  status: z.string(),
  priority: z.string().nullable(),
  openedAt: z.string(),
  dueAt: z.string().nullable(),
  clientName: z.string().nullable(),
});
export const suggestionOut = z.object({
  ruleId: z.string(),
  metric: z.string(),
  textRu: z.string(),
  textEn: z.string(),
});
export type SuggestionOut = z.infer<typeof suggestionOut>;

export const arbiterStageOut = z.object({
  /** The stage's key. */
  stage: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  rank: z.number().int(),
  /** Money at risk in the window (decimal, base currency). */
  revenueAtRisk: z.number(),
  riskMethod: z.enum(RISK_METHODS),
  /** The stage's clients in the window and its revenue (their sales of the stage). */
  clients: z.number().int(),
  revenue: z.number(),
  detractorShare: z.number().nullable(),
  drivers: z.array(driverOut),
  /** The metrics furthest on the wrong side of their target (or falling most), worst first. */
  metrics: z.array(layerMetricOut),
  /** Three texts most typical of the stage's negative topic (not the angriest). */
  examples: z.array(arbiterExampleOut),
  openCases: z.array(arbiterCaseOut),
  openCasesTotal: z.number().int(),
  /** Improvement initiatives linked to the stage (empty until the backlog exists). */
  initiatives: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  suggestion: suggestionOut.nullable(),
});
export type ArbiterStageOut = z.infer<typeof arbiterStageOut>;

export const arbiterOut = z.object({
  from: z.string(),
  to: z.string(),
  computedAt: z.string(),
  /** The churn probability per NPS group measured from the organisation's history (null: too short). */
  churnByGroup: z
    .object({ promoter: z.number(), passive: z.number(), detractor: z.number(), none: z.number() })
    .nullable(),
  stages: z.array(arbiterStageOut),
});
export type ArbiterOut = z.infer<typeof arbiterOut>;

// --- Suggestion rules ------------------------------------------------------------------------

/** When a rule fires: the metric is the stage's top driver, or red/amber against its target. */
export const RULE_WHEN = ARBITER_RULE_WHEN;
export const arbiterRuleIn = z.object({
  /** A metric key (cases.ack_minutes, kpi:on_time_delivery) or a family prefix ending in "*" (calls.*). */
  metric: z.string().trim().min(1).max(80),
  when: z.enum(RULE_WHEN),
  textRu: z.string().trim().min(1).max(1000),
  textEn: z.string().trim().min(1).max(1000),
});
export type ArbiterRuleIn = z.infer<typeof arbiterRuleIn>;
export const putArbiterRulesBody = z.object({ rules: z.array(arbiterRuleIn).max(200) });
export const arbiterRuleOut = arbiterRuleIn.extend({ id: z.string(), position: z.number().int() });
export const arbiterRulesOut = z.object({
  /** True while the organisation uses the built-in rules (it has saved none). */
  builtIn: z.boolean(),
  rules: z.array(arbiterRuleOut),
});
export type ArbiterRulesOut = z.infer<typeof arbiterRulesOut>;

// --- Reports ---------------------------------------------------------------------------------

/** The report's language (headings, metric names, number format); default the organisation's. */
const reportLang = { lang: z.enum(['ru', 'en']).optional() };
export const scorecardReportQuery = scorecardQuery.extend(reportLang);
export const arbiterReportQuery = arbiterQuery.extend(reportLang);

/** The people who get the monthly report e-mail (users of the organisation). */
export const putReportRecipientsBody = z.object({ userIds: z.array(z.uuid()).max(200) });
export const reportRecipientsOut = z.object({
  recipients: z.array(
    z.object({ userId: z.string(), name: z.string(), email: z.string(), language: z.string() }),
  ),
});
