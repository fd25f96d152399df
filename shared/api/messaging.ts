import { z } from 'zod';
import { LANGUAGES, MESSAGE_KINDS, MESSAGE_STATUSES } from '../domain/vocabulary.ts';

export const messageKind = z.enum(MESSAGE_KINDS);
export const messageOut = z.object({
  id: z.string(),
  kind: messageKind,
  channel: z.literal('email'),
  to: z.string(),
  language: z.enum(LANGUAGES),
  subject: z.string(),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  feedbackId: z.string().nullable(),
  caseId: z.string().nullable(),
  clientId: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MessageOut = z.infer<typeof messageOut>;

export const listMessagesQuery = z.object({
  caseId: z.uuid().optional(),
  feedbackId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const templateOut = z.object({
  kind: messageKind,
  language: z.enum(LANGUAGES),
  subject: z.string(),
  body: z.string(),
  custom: z.boolean(),
  variables: z.array(z.string()),
});
export const templateParams = z.object({ kind: messageKind, language: z.enum(LANGUAGES) });
export const templateBody = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
