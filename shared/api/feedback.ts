// Feedback records: one normalised record per client utterance, from any channel.
import { z } from 'zod';
import { CHANNELS, LANGUAGES, SCORE_TYPES, SENTIMENT_LABELS } from '../domain/vocabulary.ts';

export { CHANNELS };
export const channel = z.enum(CHANNELS);
export const SCORE_RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7], custom: [0, 100] } as const;

export const score = z
  .object({ type: z.enum(SCORE_TYPES), value: z.number().int() })
  .refine((s) => s.value >= SCORE_RANGES[s.type][0] && s.value <= SCORE_RANGES[s.type][1], {
    message: 'value is outside the range of its type (nps 0–10, csat 1–5, ces 1–7, custom 0–100)',
    path: ['value'],
  });

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const feedbackIn = z
  .object({
    channel: channel.default('api'),
    clientId: z.uuid().optional(),
    /** A known contact (e.g. picked in the UI when logging a call); its client is used when none is named. */
    contactId: z.uuid().optional(),
    client: z
      .object({
        externalId: shortText(200).optional(),
        name: shortText(300),
        segment: shortText(100).optional(),
      })
      .optional(),
    contact: z
      .object({
        email: z
          .email()
          .max(254)
          .transform((e) => e.toLowerCase())
          .optional(),
        name: shortText(300).optional(),
        phone: z
          .string()
          .trim()
          .max(40)
          .regex(/^\+?[0-9 ()\-.]{5,}$/)
          .optional(),
        language: z.enum(LANGUAGES).optional(),
      })
      .optional(),
    stage: shortText(100).optional(),
    score: score.optional(),
    text: z.string().trim().min(1).max(20_000).optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    sourceId: shortText(200).optional(),
  })
  .refine((f) => f.score !== undefined || f.text !== undefined, {
    message: 'at least one of score and text is required',
    path: ['score'],
  })
  .refine((f) => !(f.clientId && f.client), {
    message: 'name the client by clientId or by client, not both',
    path: ['client'],
  })
  .refine((f) => !(f.contactId && f.contact), {
    message: 'name the contact by contactId or by contact, not both',
    path: ['contact'],
  });
export type FeedbackIn = z.infer<typeof feedbackIn>;

export const batchIn = z.object({ items: z.array(z.unknown()).min(1).max(1000) });

export const feedbackOut = z.object({
  id: z.string(),
  publicRef: z.string(),
  statusUrl: z.string(),
  channel,
  clientId: z.string().nullable(),
  contactId: z.string().nullable(),
  stage: z.string().nullable(),
  score: z.object({ type: z.string(), value: z.number() }).nullable(),
  text: z.string().nullable(),
  language: z.string().nullable(),
  sentiment: z.object({ label: z.enum(SENTIMENT_LABELS), score: z.number() }).nullable(),
  topics: z.array(z.string()),
  sourceId: z.string().nullable(),
  caseId: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  receivedAt: z.string(),
  createdAt: z.string(),
});
export type FeedbackOut = z.infer<typeof feedbackOut>;

export const listFeedbackQuery = z.object({
  clientId: z.uuid().optional(),
  channel: channel.optional(),
  stage: z.string().max(100).optional(),
  hasCase: z.enum(['true', 'false']).optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional(),
  topic: z.string().trim().min(1).max(100).optional(),
  /** Only records with a score of this type (within its scale): a satisfaction chart's records. */
  scoreType: z.enum(['nps', 'csat', 'ces']).optional(),
  /** With scoreType: only scores up to this one (the NPS detractors: 6). */
  scoreMax: z.coerce.number().int().min(0).max(10).optional(),
  /** Only records of clients of this segment. */
  segment: z.string().trim().min(1).max(100).optional(),
  /** Only records of clients whose manager is this person (404 when no one of the organisation). */
  managerId: z.uuid().optional(),
  /** 'true': only records without a stage (the charts' «not set» stage). */
  noStage: z.enum(['true']).optional(),
  /** 'true': only records without a client or of a client without a segment. */
  noSegment: z.enum(['true']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive. */
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListFeedbackQuery = z.infer<typeof listFeedbackQuery>;

/** How many records a list's filters match (the drill-down's check against its chart). */
export const feedbackCountOut = z.object({ count: z.number().int() });

export const batchOut = z.object({
  results: z.array(
    z.object({
      index: z.number(),
      status: z.enum(['created', 'duplicate', 'error']),
      id: z.string().optional(),
      error: z
        .object({
          code: z.string(),
          detail: z.string(),
          invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
        })
        .optional(),
    }),
  ),
});
