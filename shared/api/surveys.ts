// Surveys (NPS / CSAT / CES links): request and response shapes, plus the default wording the
// server applies and the UI pre-fills, so both always agree.
import { z } from 'zod';
import { SURVEY_METRICS, SURVEY_STATUSES } from '../domain/vocabulary.ts';

export { SURVEY_METRICS };
export const surveyMetric = z.enum(SURVEY_METRICS);
export type SurveyMetric = z.infer<typeof surveyMetric>;

/** The score scale of each metric: what the public page offers and the server accepts. */
export const SURVEY_SCALES: Record<SurveyMetric, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export interface LocalizedText {
  ru: string;
  en: string;
}

export const DEFAULT_QUESTIONS: Record<SurveyMetric, LocalizedText> = {
  nps: {
    ru: 'Насколько вероятно, что вы порекомендуете нас друзьям или коллегам?',
    en: 'How likely are you to recommend us to a friend or colleague?',
  },
  csat: {
    ru: 'Насколько вы довольны нашей работой?',
    en: 'How satisfied are you with our service?',
  },
  ces: {
    ru: 'Насколько легко было решить ваш вопрос?',
    en: 'How easy was it to get your issue resolved?',
  },
};

export const DEFAULT_COMMENT_PROMPT: LocalizedText = {
  ru: 'Что нам стоит улучшить? (необязательно)',
  en: 'What should we improve? (optional)',
};

const shortText = (max: number) => z.string().trim().min(1).max(max);
export const localizedText = z.object({ ru: shortText(500), en: shortText(500) });

export const createSurveyBody = z.object({
  name: shortText(200),
  metric: surveyMetric,
  question: localizedText.optional(),
  commentPrompt: localizedText.optional(),
  stage: shortText(100).optional(),
});

/** The metric is fixed once answers exist, so it is not accepted here (strict: sending it is a 400). */
export const updateSurveyBody = z
  .strictObject({
    name: shortText(200),
    question: localizedText,
    commentPrompt: localizedText,
    stage: shortText(100).nullable(),
    status: z.enum(SURVEY_STATUSES),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const surveyOut = z.object({
  id: z.string(),
  name: z.string(),
  metric: surveyMetric,
  question: z.object({ ru: z.string(), en: z.string() }),
  commentPrompt: z.object({ ru: z.string(), en: z.string() }),
  stage: z.string().nullable(),
  status: z.enum(SURVEY_STATUSES),
  /** The link anyone may answer (QR code, website); personal links come from invites. */
  openUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyOut = z.infer<typeof surveyOut>;

export const createInvitesBody = z.object({
  contactIds: z.array(z.uuid()).min(1).max(500),
  send: z.boolean().default(false),
});

export const inviteOut = z.object({
  id: z.string(),
  surveyId: z.string(),
  contactId: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  /** The personal link; whoever holds it answers as this contact. */
  url: z.string(),
  feedbackId: z.string().nullable(),
  answeredAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InviteOut = z.infer<typeof inviteOut>;

export const createdInvitesOut = z.object({
  items: z.array(inviteOut),
  /** How many invitation e-mails were queued (contacts without an e-mail address get none). */
  queued: z.number(),
});
export type CreatedInvitesOut = z.infer<typeof createdInvitesOut>;
