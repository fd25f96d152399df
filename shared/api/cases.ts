import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, PRIORITIES } from '../domain/vocabulary.ts';

export const caseStatus = z.enum(CASE_STATUSES);
export const caseType = z.enum(CASE_TYPES);
export const priority = z.enum(PRIORITIES);

export const caseOut = z.object({
  id: z.string(),
  publicRef: z.string(),
  statusUrl: z.string(),
  title: z.string(),
  type: caseType,
  priority,
  status: caseStatus,
  allowedNext: z.array(caseStatus),
  stage: z.string().nullable(),
  clientId: z.string().nullable(),
  contactId: z.string().nullable(),
  feedbackId: z.string().nullable(),
  ownerId: z.string().nullable(),
  slaPolicyId: z.string().nullable(),
  openedBy: z.string(),
  firstResponseDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  firstRespondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The resolution code's key; GET /api/v1/cases/resolution-codes gives its names. */
  resolutionCode: z.string().nullable(),
  tags: z.array(z.string()),
  followupRequested: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseOut = z.infer<typeof caseOut>;

export const caseEventOut = z.object({
  id: z.string(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  body: z.string().nullable(),
  createdAt: z.string(),
});

/** A reply to the client from the case page; the service refuses empty or too long text (422). */
export const caseReplyBody = z.object({ text: z.string().max(100_000) });
export const caseReplyOut = z.object({
  messageId: z.string(),
  to: z.string(),
  language: z.string(),
});
export type CaseReplyOut = z.infer<typeof caseReplyOut>;

export const createCaseBody = z.object({
  title: z.string().trim().min(1).max(300),
  type: caseType.default('request'),
  priority: priority.default('normal'),
  stage: z.string().trim().min(1).max(100).optional(),
  clientId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
});

export const updateCaseBody = z
  .object({
    status: caseStatus,
    ownerId: z.uuid().nullable(),
    priority,
    resolution: z.string().trim().min(1).max(10_000),
    /** With status resolved: one of the organisation's active codes (the UI always asks; optional here). */
    resolutionCode: z.string().min(1).max(64),
    followup: z.boolean(),
    /** Tags added to the case (1–40 letters, digits, spaces, hyphens; at most 10 on a case). */
    addTags: z.array(z.string().max(100)).min(1).max(10),
    note: z.string().trim().min(1).max(10_000),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });

export const listCasesQuery = z.object({
  status: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(caseStatus))
    .optional(),
  open: z.enum(['true', 'false']).optional(),
  ownerId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  /** Only cases of this journey stage (its key). */
  stage: z.string().max(100).optional(),
  /** Only cases resolved at or after this time (the board shows recent resolutions only). */
  resolvedFrom: z.iso.datetime({ offset: true }).optional(),
  /** Only cases resolved before this time (drill-downs: the count by resolution code, the week). */
  resolvedTo: z.iso.datetime({ offset: true }).optional(),
  /** Only cases with this resolution code (its key; `none`: resolved without a code). */
  resolutionCode: z.string().max(64).optional(),
  /** Only cases carrying this tag. */
  tag: z.string().max(100).optional(),
  /** Windows [from, to) on the opening and the SLA breach (the week's drill-downs). */
  openedFrom: z.iso.datetime({ offset: true }).optional(),
  openedTo: z.iso.datetime({ offset: true }).optional(),
  breachedFrom: z.iso.datetime({ offset: true }).optional(),
  breachedTo: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const slaPolicyFields = {
  name: z.string().trim().min(1).max(200),
  priority: priority.nullable(),
  firstResponseMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 60),
  resolutionMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 365),
  timeZone: z.string().min(1).max(64),
  businessHours: z
    .partialRecord(
      z.enum(['1', '2', '3', '4', '5', '6', '7']),
      z
        .array(
          z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, 'an interval must end after it starts'),
        )
        .max(6),
    )
    .nullable(),
  holidays: z.array(z.iso.date()).max(400),
  isDefault: z.boolean(),
};
export const slaPolicyBody = z.object({
  ...slaPolicyFields,
  priority: slaPolicyFields.priority.optional(),
  timeZone: slaPolicyFields.timeZone.default('Europe/Moscow'),
  businessHours: slaPolicyFields.businessHours.optional(),
  holidays: slaPolicyFields.holidays.default([]),
  isDefault: slaPolicyFields.isDefault.default(false),
});
export const slaPolicyPatch = z
  .object(slaPolicyFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export const slaPolicyOut = z.object({
  id: z.string(),
  name: z.string(),
  priority: priority.nullable(),
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
  timeZone: z.string(),
  businessHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))).nullable(),
  holidays: z.array(z.string()),
  isDefault: z.boolean(),
});
