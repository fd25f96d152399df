// Wire shapes of the text-analytics module: the topic taxonomy, re-analysis and corrections.
import { z } from 'zod';
import { SENTIMENT_LABELS } from '../domain/vocabulary.ts';
import { isoInstant, satisfactionFilters } from './metrics.ts';

export const sentimentLabel = z.enum(SENTIMENT_LABELS);
export const topicKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _ (start with a letter)');

export const topicOut = z.object({
  key: topicKey,
  labelRu: z.string(),
  labelEn: z.string(),
  keywords: z.array(z.string()),
});
export type TopicOut = z.infer<typeof topicOut>;

export const topicIn = z.object({
  key: topicKey,
  labelRu: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(100),
  keywords: z.array(z.string().trim().min(2).max(60)).max(200),
});

export const topicsOut = z.object({ items: z.array(topicOut), modelVersion: z.string() });
export const putTopicsBody = z
  .object({ items: z.array(topicIn).min(1).max(50) })
  .refine((b) => new Set(b.items.map((t) => t.key)).size === b.items.length, {
    message: 'topic keys must be unique',
    path: ['items'],
  });

export const reanalyseBody = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => !b.from || !b.to || Date.parse(b.from) < Date.parse(b.to), {
    message: 'from must be before to',
    path: ['from'],
  });
export const reanalyseOut = z.object({ queued: z.number().int() });

export const correctionBody = z
  .object({ sentiment: sentimentLabel.optional(), topics: z.array(topicKey).max(50).optional() })
  .refine((b) => b.sentiment !== undefined || b.topics !== undefined, {
    message: 'give sentiment or topics',
  });

export const analysisOut = z.object({
  feedbackId: z.string(),
  language: z.string().nullable(),
  sentiment: z.object({ label: sentimentLabel, score: z.number() }).nullable(),
  topics: z.array(z.string()),
  /** Each topic's sentiment: its own when the text mixes them (issue 22), else the record's. */
  topicSentiments: z.record(z.string(), sentimentLabel.nullable()),
  /** NPS 9–10 with a negative text, or 0–6 with a positive one; null when they agree. */
  disagreement: z.enum(['high_score_negative_text', 'low_score_positive_text']).nullable(),
  corrected: z
    .object({
      sentiment: sentimentLabel.nullable(),
      topics: z.array(z.string()).nullable(),
      correctedAt: z.string(),
    })
    .nullable(),
});
export type AnalysisOut = z.infer<typeof analysisOut>;

/**
 * The dashboard's window and filters, as the satisfaction charts beside this one take them
 * (shared/api/metrics.ts): a dashboard filtered to a stage, channel, segment, manager or client
 * shows the texts of exactly those records.
 */
export const trendsQuery = z.object({
  /** Inclusive start (a date is its UTC midnight). */
  from: isoInstant,
  /** Exclusive end (a date is its UTC midnight); none: up to now and beyond. */
  to: isoInstant.optional(),
  ...satisfactionFilters,
});
export type TrendsQuery = z.infer<typeof trendsQuery>;
export const trendsOut = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
  ),
  /** Per topic: records, and those whose sentiment OF THAT TOPIC is negative / positive. */
  topics: z.array(
    z.object({
      key: z.string(),
      count: z.number().int(),
      negative: z.number().int(),
      positive: z.number().int(),
    }),
  ),
  /** Records whose NPS and text disagree (NPS 9–10 negative text; 0–6 positive text). */
  disagreements: z.object({
    highScoreNegativeText: z.number().int(),
    lowScorePositiveText: z.number().int(),
  }),
  truncated: z.boolean(),
});
export type TrendsOut = z.infer<typeof trendsOut>;
