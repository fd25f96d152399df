// Client care: important dates, reminders, special requirements, notes and the client timeline.
import { z } from 'zod';
import {
  ACTOR_TYPES,
  DATE_KINDS,
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_SOURCES,
  REQUIREMENT_STATUSES,
} from '../domain/vocabulary.ts';
import { isTimeZone } from '../domain/time-zone.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A real calendar date (rejects 2026-02-30), written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const dateKind = z.enum(DATE_KINDS);
export const createDateBody = z.object({
  kind: dateKind,
  date: isoDate,
  recurring: z.boolean().default(true),
  title: text(200),
  contactId: z.uuid().optional(),
});
export const updateDateBody = z
  .object({
    kind: dateKind,
    date: isoDate,
    recurring: z.boolean(),
    title: text(200),
    contactId: z.uuid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export const dateOut = z.object({
  id: z.string(),
  clientId: z.string(),
  contactId: z.string().nullable(),
  kind: dateKind,
  date: z.string(),
  recurring: z.boolean(),
  title: z.string(),
  /** The next day it falls on (today counts), in the reminders' time zone; null for a past one-off date. */
  nextDate: z.string().nullable(),
  daysUntil: z.number().nullable(),
  createdAt: z.string(),
});
export type DateOut = z.infer<typeof dateOut>;

export const reminderKind = z.enum([
  'upcoming_date',
  'silent_client',
  'detractor_without_followup',
  'sla_risk',
  'missed_call',
  /** "Assigned to me": an open case the person owns. */
  'assigned_case',
  /** "Assigned to me": an active special requirement of a stage the person owns (C4). */
  'stage_requirement',
  /** A key account (high attractiveness) without a decision-maker contact (C9, issue 17). */
  'decision_maker_missing',
  /** A key account whose decision makers had no touch in six months (C9, issue 17). */
  'decision_maker_silent',
  /** An action of the playbook of the client's portfolio cell, due again (issue 17). */
  'playbook_action',
]);
/** Whether a role is among the client's contacts and touched in the last six months. */
export const roleCoverage = z.enum(['touched', 'silent', 'missing']);
export const coverageSummary = z.object({
  decisionMaker: roleCoverage,
  influencer: roleCoverage,
});
export const clientCoverageOut = coverageSummary.extend({
  clientId: z.string(),
  /** Touches on or after this time count (six months back). */
  since: z.string(),
  /** Both roles touched. */
  covered: z.boolean(),
  contacts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      roles: z.array(z.string()),
      lastTouchAt: z.string().nullable(),
    }),
  ),
});
export type ClientCoverageOut = z.infer<typeof clientCoverageOut>;
export const remindersQuery = z.object({
  days: z.coerce.number().int().min(0).max(366).default(14),
  silentDays: z.coerce.number().int().min(1).max(3650).default(60),
  timeZone: z.string().max(64).refine(isTimeZone, 'an IANA time zone').default('Europe/Moscow'),
  /** "true": only what is the signed-in person's — their open cases, their stages' requirements. */
  mine: z.enum(['true', 'false']).optional(),
  /** The reader's language, for titles kept in both (playbook actions); default ru. */
  lang: z.enum(['ru', 'en']).optional(),
});
export const reminderOut = z.object({
  kind: reminderKind,
  clientId: z.string(),
  clientName: z.string(),
  title: z.string(),
  /** When it happens or happened (date for dates, ISO time otherwise). */
  at: z.string().nullable(),
  daysUntil: z.number().nullable(),
  ref: z.object({
    type: z.enum(['date', 'client', 'feedback', 'case', 'call', 'requirement', 'playbook_action']),
    id: z.string(),
  }),
  /** UI path to open. */
  link: z.string(),
  /** The client's decision-maker and influencer coverage (the inbox shows it per row). */
  coverage: coverageSummary.optional(),
});
export type ReminderOut = z.infer<typeof reminderOut>;

export const requirementCategory = z.enum(REQUIREMENT_CATEGORIES);
export const requirementSource = z.enum(REQUIREMENT_SOURCES);
export const requirementStatus = z.enum(REQUIREMENT_STATUSES);
const requirementFields = {
  category: requirementCategory,
  text: text(4000),
  source: requirementSource,
  ownerId: z.uuid().nullable(),
  /** The employee who met the client, for a requirement heard at a meeting. */
  employeeId: z.uuid().nullable(),
  stage: text(100).nullable(),
  product: text(200).nullable(),
  effectiveFrom: isoDate.nullable(),
  effectiveTo: isoDate.nullable(),
  status: requirementStatus,
};
const datesInOrder = (b: { effectiveFrom?: string | null; effectiveTo?: string | null }) =>
  !b.effectiveFrom || !b.effectiveTo || b.effectiveFrom <= b.effectiveTo;
export const createRequirementBody = z
  .object({
    category: requirementFields.category,
    text: requirementFields.text,
    source: requirementFields.source.default('other'),
    ownerId: z.uuid().optional(),
    employeeId: z.uuid().optional(),
    stage: text(100).optional(),
    product: text(200).optional(),
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.optional(),
  })
  .refine(datesInOrder, {
    message: 'effectiveFrom must not be after effectiveTo',
    path: ['effectiveTo'],
  });
export const updateRequirementBody = z
  .object(requirementFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' })
  .refine(datesInOrder, {
    message: 'effectiveFrom must not be after effectiveTo',
    path: ['effectiveTo'],
  });
export const requirementOut = z.object({
  id: z.string(),
  clientId: z.string(),
  category: requirementCategory,
  text: z.string(),
  source: requirementSource,
  ownerId: z.string().nullable(),
  employeeId: z.string().nullable(),
  stage: z.string().nullable(),
  product: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  status: requirementStatus,
  /** Active status and today within the effective dates. */
  inEffect: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequirementOut = z.infer<typeof requirementOut>;
export const requirementVersionOut = z.object({
  version: z.number(),
  snapshot: z.record(z.string(), z.unknown()),
  actorType: z.enum(ACTOR_TYPES),
  actorId: z.string().nullable(),
  createdAt: z.string(),
});
export const searchRequirementsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: requirementStatus.optional(),
  /** Only requirements of this journey stage (its key). */
  stage: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const requirementSearchOut = requirementOut.extend({ clientName: z.string() });

export const createNoteBody = z.object({ text: text(4000) });
export const noteOut = z.object({
  id: z.string(),
  clientId: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export const timelineKind = z.enum([
  'feedback',
  'case_opened',
  'case_resolved',
  'case_event',
  'message_sent',
  'note',
  'requirement_changed',
]);
export const timelineQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const timelineItemOut = z.object({
  at: z.string(),
  kind: timelineKind,
  title: z.string(),
  ref: z.object({
    type: z.enum(['feedback', 'case', 'message', 'note', 'requirement']),
    id: z.string(),
  }),
  /** For a case_event: what happened, for the interface to say in the reader's language. */
  caseEvent: z
    .object({
      caseRef: z.string(),
      kind: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      body: z.string().nullable(),
    })
    .optional(),
});
export type TimelineItemOut = z.infer<typeof timelineItemOut>;
