// Request and response shapes of the satisfaction metrics (server and UI).
import { z } from 'zod';
import { SURVEY_METRICS } from '../domain/vocabulary.ts';

export const satisfactionMetric = z.enum(SURVEY_METRICS);
export type SatisfactionMetric = z.infer<typeof satisfactionMetric>;

export const satisfactionGroupBy = z.enum(['month', 'stage', 'segment', 'channel', 'client']);
export type SatisfactionGroupBy = z.infer<typeof satisfactionGroupBy>;

/** A calendar date (midnight UTC) or a date-time with an explicit offset; naive times are ambiguous. */
export const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const satisfactionQuery = z.object({
  metric: satisfactionMetric,
  /** Inclusive start; defaults to the first day of the month eleven months ago (12 calendar months). */
  from: isoInstant.optional(),
  /** Exclusive end; defaults to now. */
  to: isoInstant.optional(),
  groupBy: satisfactionGroupBy.optional(),
  /** Only responses of this journey stage (its key): a stage's satisfaction layer. */
  stage: z.string().max(100).optional(),
});
export type SatisfactionQuery = z.infer<typeof satisfactionQuery>;

export const satisfactionGroupOut = z.object({
  /** YYYY-MM for months, the stage / segment / channel / client id otherwise; "none" when unset, "all" without groupBy. */
  key: z.string(),
  /** The client's name when grouped by client. */
  label: z.string().optional(),
  /** NPS −100..100, CSAT % satisfied (4–5), CES mean effort 1–7 (lower is easier); null without responses. */
  value: z.number().nullable(),
  responses: z.number().int(),
  /** Half-width of the 95 % confidence interval, in the unit of `value`; null below two responses. */
  marginOfError: z.number().nullable(),
  promoters: z.number().int().optional(),
  passives: z.number().int().optional(),
  detractors: z.number().int().optional(),
  /** CSAT: responses of 4–5. */
  satisfied: z.number().int().optional(),
  /** CSAT: mean score 1–5. */
  mean: z.number().nullable().optional(),
  /** CES: responses of 1–3 ("easy"). */
  easy: z.number().int().optional(),
  /** CES: share of easy responses, %. */
  easyShare: z.number().nullable().optional(),
});
export type SatisfactionGroupOut = z.infer<typeof satisfactionGroupOut>;

export const satisfactionOut = z.object({
  metric: satisfactionMetric,
  from: z.string(),
  to: z.string(),
  groupBy: satisfactionGroupBy.nullable(),
  groups: z.array(satisfactionGroupOut),
});
export type SatisfactionOut = z.infer<typeof satisfactionOut>;

/** NPS by the answering contact's role (issue 17): every answer in each role its contact has. */
export const npsByRoleQuery = z.object({
  /** Inclusive; defaults to the first day of the month eleven months ago. */
  from: isoInstant.optional(),
  /** Exclusive; defaults to now. */
  to: isoInstant.optional(),
});
export const npsByRoleOut = z.object({
  from: z.string(),
  to: z.string(),
  roles: z.array(
    z.object({
      role: z.enum(['decision_maker', 'influencer', 'user', 'payer', 'none']),
      value: z.number().nullable(),
      responses: z.number().int(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      marginOfError: z.number().nullable(),
    }),
  ),
  /** Answers without a known contact: in no role. */
  unattributed: z.number().int(),
});
export type NpsByRoleOut = z.infer<typeof npsByRoleOut>;

export const metricSummaryOut = z.object({
  value: z.number().nullable(),
  responses: z.number().int(),
  marginOfError: z.number().nullable(),
});
export type MetricSummaryOut = z.infer<typeof metricSummaryOut>;

export const overviewOut = z.object({
  from: z.string(),
  to: z.string(),
  nps: metricSummaryOut,
  csat: metricSummaryOut,
  ces: metricSummaryOut,
});
export type OverviewOut = z.infer<typeof overviewOut>;
