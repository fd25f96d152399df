// "What moved this week" (issue 21): the CX lead's card on the Today page — this week against the
// one before in the organisation's time zone (weeks start on Monday), each number with the list
// behind it. `drill` is the list's query: the feedback list (GET /api/v1/feedback) or the case
// list (GET /api/v1/cases), exactly the rows counted.
import { z } from 'zod';

export const weekMovesQuery = z.object({
  /** current: this week so far against the same span of last week; last: last week against the one before. */
  week: z.enum(['current', 'last']).default('current'),
});

export const drillOut = z.object({
  list: z.enum(['feedback', 'cases']),
  params: z.record(z.string(), z.string()),
});

const windowOut = z.object({ from: z.string(), to: z.string() });

const countOut = z.object({
  current: z.number().int(),
  previous: z.number().int(),
  drill: drillOut,
});

const scoreSideOut = z.object({
  value: z.number().nullable(),
  responses: z.number().int(),
  marginOfError: z.number().nullable(),
  /** Fewer answers than minResponses: the value is shown but not compared. */
  tooFew: z.boolean(),
});

const scoreOut = z.object({
  current: scoreSideOut,
  previous: scoreSideOut,
  /** current − previous; null when either side has too few answers. */
  change: z.number().nullable(),
  /** The change is smaller than the two margins of error combined: it may be noise. */
  withinNoise: z.boolean(),
  drill: drillOut,
});

const stageMoveOut = z.object({
  key: z.string(),
  current: z.number(),
  previous: z.number(),
  change: z.number(),
  responses: z.number().int(),
  drill: drillOut,
});

const topicMoveOut = z.object({
  key: z.string(),
  current: z.number().int(),
  previous: z.number().int(),
  change: z.number().int(),
  drill: drillOut,
});

export const weekMovesOut = z.object({
  week: z.enum(['current', 'last']),
  timeZone: z.string(),
  current: windowOut,
  previous: windowOut,
  minResponses: z.number().int(),
  nps: scoreOut,
  csat: scoreOut,
  /** NPS answers of 0–6 received in the week. */
  detractors: countOut,
  cases: z.object({ opened: countOut, resolved: countOut, overdue: countOut }),
  /** Stages by their NPS change (both weeks with enough answers), the biggest rise / fall first. */
  stages: z.object({ up: z.array(stageMoveOut), down: z.array(stageMoveOut) }),
  /** Topics by how many more / fewer records spoke of them. */
  topics: z.object({ up: z.array(topicMoveOut), down: z.array(topicMoveOut) }),
});
export type WeekMovesOut = z.infer<typeof weekMovesOut>;
export type DrillOut = z.infer<typeof drillOut>;
