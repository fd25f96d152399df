// Request and response shapes of the satisfaction metrics (server and UI).
import { z } from 'zod';
import { CHANNELS, SURVEY_METRICS } from '../domain/vocabulary.ts';

export const satisfactionMetric = z.enum(SURVEY_METRICS);
export type SatisfactionMetric = z.infer<typeof satisfactionMetric>;

export const satisfactionGroupBy = z.enum(['month', 'stage', 'segment', 'channel', 'client']);
export type SatisfactionGroupBy = z.infer<typeof satisfactionGroupBy>;

/**
 * A calendar date (midnight of that day in the organisation's time zone) or a date-time with an
 * explicit offset; naive times are ambiguous.
 */
export const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** The dashboard's filters (issue 21), taken by every chart on it (text trends too). */
export const satisfactionFilters = {
  /** Only responses of this journey stage (its key): a stage's satisfaction layer. */
  stage: z.string().max(100).optional(),
  /** Only responses of clients of this segment. */
  segment: z.string().trim().min(1).max(100).optional(),
  /** Only responses of clients whose manager is this person (404 when no one of the organisation). */
  managerId: z.uuid().optional(),
  /** Only responses of this client (404 when no client of the organisation). */
  clientId: z.uuid().optional(),
  /** Only responses received through this channel. */
  channel: z.enum(CHANNELS).optional(),
};

export const satisfactionQuery = z.object({
  metric: satisfactionMetric,
  /** Inclusive start; defaults to the first day of the month eleven months ago (12 calendar months). */
  from: isoInstant.optional(),
  /** Exclusive end; defaults to now. */
  to: isoInstant.optional(),
  groupBy: satisfactionGroupBy.optional(),
  ...satisfactionFilters,
  /**
   * `previous`: also report the period of equal length just before [from, to) — as many whole
   * months, or calendar days, when the window is made of them in the organisation's zone — and
   * each group's change against it.
   */
  compare: z.enum(['previous']).optional(),
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

/**
 * A group against the same group of the previous period. `significant`: the two-sided p-value
 * of a two-sample z test of the difference (NPS on per-answer values +1/0/−1, CSAT on the share
 * satisfied, CES on the mean effort; standard error √(s₁²/n₁ + s₂²/n₂)) is below 0.05 — the
 * change is beyond the margin of error of the difference, not of either figure alone. Null
 * below two answers in either period.
 */
export const satisfactionChangeOut = z.object({
  previousValue: z.number().nullable(),
  previousResponses: z.number().int(),
  /** value − previousValue, in the unit of `value`; null when either is null. */
  value: z.number().nullable(),
  responses: z.number().int(),
  pValue: z.number().nullable(),
  significant: z.boolean().nullable(),
});
export type SatisfactionChangeOut = z.infer<typeof satisfactionChangeOut>;

export const satisfactionOut = z.object({
  metric: satisfactionMetric,
  from: z.string(),
  to: z.string(),
  groupBy: satisfactionGroupBy.nullable(),
  /** The filters the numbers are narrowed by, as given (the drill-down passes them on). */
  filters: z
    .object({
      stage: z.string().optional(),
      segment: z.string().optional(),
      managerId: z.string().optional(),
      clientId: z.string().optional(),
      channel: z.string().optional(),
    })
    .optional(),
  groups: z.array(satisfactionGroupOut.extend({ change: satisfactionChangeOut.optional() })),
  /** With compare=previous: the previous period's window and groups (keys matched for `change`). */
  previous: z
    .object({
      from: z.string(),
      to: z.string(),
      /** Whole months between the two windows' starts, when both are month-aligned; else null. */
      monthsBack: z.number().int().nullable(),
      groups: z.array(satisfactionGroupOut),
    })
    .optional(),
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
