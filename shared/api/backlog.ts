// The improvement backlog (issue 18, SPEC C10; METRICS.md "Improvement backlog"; docs/backlog.md):
// initiatives with value and effort 1–10, the four quadrants (threshold 5.5), linked feedback,
// clients and cases (reach, revenue at stake), status and due date, the on-time share.
import { z } from 'zod';
import { INITIATIVE_STATUSES, QUADRANTS } from '../domain/vocabulary.ts';

export { INITIATIVE_STATUSES, QUADRANTS };
export const initiativeStatus = z.enum(INITIATIVE_STATUSES);
export const quadrant = z.enum(QUADRANTS);
/** Value or effort at or above this is "high" (METRICS.md). */
export const QUADRANT_THRESHOLD = 5.5;

const score = z.number().int().min(1).max(10).describe('1–10');
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .describe('YYYY-MM-DD, a day of the organisation’s time zone');
const ids = z.array(z.uuid()).max(500);
const text = (max: number) => z.string().trim().max(max);

export const initiativeIn = z.object({
  title: text(300).min(1),
  description: text(8000).nullable().optional(),
  /** A journey stage key of the organisation (422 unknown_stage otherwise). */
  stage: z.string().trim().min(1).max(100).nullable().optional(),
  /** Given by a person; left out or null: computed from reach and revenue at stake. */
  value: score.nullable().optional(),
  effort: score.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  /** A user of the organisation who runs the initiative. */
  ownerId: z.uuid().nullable().optional(),
  feedbackIds: ids.optional(),
  clientIds: ids.optional(),
  caseIds: ids.optional(),
});
export type InitiativeIn = z.infer<typeof initiativeIn>;

export const initiativePatch = z.object({
  /** idea → planned | in_progress | dropped; planned → in_progress | idea | dropped;
   * in_progress → done | planned | dropped; done → in_progress (re-open); dropped → idea. */
  status: initiativeStatus.optional(),
  /** Shown to clients: in the "you said, we did" e-mail and on the status page. */
  publicNote: text(4000).nullable().optional(),
  title: text(300).min(1).optional(),
  description: text(8000).nullable().optional(),
  stage: z.string().trim().min(1).max(100).nullable().optional(),
  value: score.nullable().optional(),
  effort: score.nullable().optional(),
  dueDate: calendarDate.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  /** Replace the linked clients / cases (feedback is added with POST …/feedback). */
  clientIds: ids.optional(),
  caseIds: ids.optional(),
});
export type InitiativePatch = z.infer<typeof initiativePatch>;

export const linkFeedbackBody = z.object({ feedbackIds: ids.min(1) });

export const listInitiativesQuery = z.object({
  status: initiativeStatus.optional(),
  stage: z.string().max(100).optional(),
  quadrant: quadrant.optional(),
  /** Open ones only (idea, planned, in progress). */
  open: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListInitiativesQuery = z.infer<typeof listInitiativesQuery>;

export const initiativeOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  stage: z.string().nullable(),
  ownerId: z.string().nullable(),
  status: initiativeStatus,
  allowedNext: z.array(initiativeStatus),
  dueDate: z.string().nullable(),
  /** The value used (given, or computed); null when neither. */
  value: z.number().nullable(),
  valueSource: z.enum(['manual', 'computed']).nullable(),
  effort: z.number().nullable(),
  quadrant: quadrant.nullable(),
  /** Position in the ranked list (1 = first). */
  rank: z.number().int(),
  /** Distinct clients of the linked feedback and the linked clients. */
  reach: z.number().int(),
  /** Their revenue over the last 12 months (decimal, base currency). */
  revenueAtStake: z.number(),
  publicNote: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Done on or before the due date (day of doneAt in the organisation's zone); null if not done or no due date. */
  onTime: z.boolean().nullable(),
  feedbackIds: z.array(z.string()),
  clientIds: z.array(z.string()),
  caseIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InitiativeOut = z.infer<typeof initiativeOut>;

export const backlogSummaryOut = z.object({
  done: z.number().int(),
  /** Done initiatives that had a due date (the denominator of the on-time share). */
  doneWithDueDate: z.number().int(),
  doneOnTime: z.number().int(),
  /** doneOnTime / doneWithDueDate; null when no done initiative had a due date. */
  onTimeShare: z.number().nullable(),
  quadrants: z.object({
    quick_win: z.number().int(),
    big_bet: z.number().int(),
    fill_in: z.number().int(),
    money_pit: z.number().int(),
  }),
});
export type BacklogSummaryOut = z.infer<typeof backlogSummaryOut>;

export const initiativesOut = z.object({
  items: z.array(initiativeOut),
  nextCursor: z.string().nullable(),
  summary: backlogSummaryOut,
});

export const linkedFeedbackOut = z.object({
  id: z.string(),
  publicRef: z.string(),
  text: z.string().nullable(),
  score: z.number().nullable(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  contactId: z.string().nullable(),
  receivedAt: z.string(),
});
export const initiativeDetailOut = initiativeOut.extend({
  feedback: z.array(linkedFeedbackOut),
  clients: z.array(z.object({ id: z.string(), name: z.string() })),
  cases: z.array(
    z.object({ id: z.string(), publicRef: z.string(), title: z.string(), status: z.string() }),
  ),
  /** Contacts told "you said, we did". */
  noticesSent: z.number().int(),
});
export type InitiativeDetailOut = z.infer<typeof initiativeDetailOut>;
