// Training suggestions (issue 18): a stage's operational or satisfaction metric is red in the
// window's last period and the stage's team falls short in a competency linked to that metric
// → suggest training for the people with the gap (server/modules/scorecard/training-suggestions.ts).
import { z } from 'zod';
import { SCORECARD_PERIODS } from './scorecard.ts';

export const trainingSuggestionsQuery = z.object({
  period: z.enum(SCORECARD_PERIODS).default('month'),
  /** First day of a period, YYYY-MM-DD (inclusive); as GET /api/v1/scorecard. */
  from: z.string().max(20).optional(),
  /** First day of the period after the window (exclusive). */
  to: z.string().max(20).optional(),
});
export type TrainingSuggestionsQuery = z.infer<typeof trainingSuggestionsQuery>;

export const trainingSuggestionOut = z.object({
  stage: z.object({ key: z.string(), nameRu: z.string(), nameEn: z.string() }),
  metric: z.string(),
  /** A KPI's own names; null for built-in metrics. */
  metricName: z.string().nullable(),
  metricNameEn: z.string().nullable(),
  layer: z.enum(['satisfaction', 'operational']),
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: z.literal('red'),
  period: z.string(),
  competency: z.object({ id: z.string(), nameRu: z.string(), nameEn: z.string() }),
  people: z.array(
    z.object({
      employeeId: z.string(),
      name: z.string(),
      target: z.number(),
      assessed: z.number(),
      gap: z.number(),
    }),
  ),
});
export type TrainingSuggestionOut = z.infer<typeof trainingSuggestionOut>;

export const trainingSuggestionsOut = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(trainingSuggestionOut),
});
export type TrainingSuggestionsOut = z.infer<typeof trainingSuggestionsOut>;
