// The "Today" page (issue 21): a care manager's start page — my open cases by SLA risk, the
// reminders due today, detractors and negative records without a case; for an admin, set-up health.
import { z } from 'zod';
import { caseStatus, priority } from './cases.ts';
import { reminderOut } from './care.ts';

export const todayCaseOut = z.object({
  id: z.string(),
  publicRef: z.string(),
  title: z.string(),
  status: caseStatus,
  priority,
  allowedNext: z.array(caseStatus),
  dueAt: z.string().nullable(),
  /** Past its resolution due time now. */
  overdue: z.boolean(),
  clientId: z.string().nullable(),
  clientName: z.string(),
  /** The case has a contact with an e-mail: resolving it tells the client. */
  canNotify: z.boolean(),
});
export type TodayCaseOut = z.infer<typeof todayCaseOut>;

export const todayRecordOut = z.object({
  id: z.string(),
  publicRef: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string(),
  scoreType: z.string().nullable(),
  scoreValue: z.number().nullable(),
  sentiment: z.string().nullable(),
  text: z.string(),
  receivedAt: z.string(),
});
export type TodayRecordOut = z.infer<typeof todayRecordOut>;

export const todayHealthOut = z.object({
  mailOut: z.boolean(),
  lastDeliveryError: z.object({ at: z.string(), kind: z.string(), error: z.string() }).nullable(),
  inboundReceiver: z.boolean(),
});

export const todayOut = z.object({
  /** The local day the page is for (the organisation's time zone). */
  date: z.string(),
  myCases: z.array(todayCaseOut),
  reminders: z.array(reminderOut),
  records: z.array(todayRecordOut),
  /** Only for an admin. */
  health: todayHealthOut.nullable(),
});
export type TodayOut = z.infer<typeof todayOut>;

export const snoozeBody = z.object({
  /** The reminder or record to put off, as the page names it. */
  ref: z.object({
    type: z.enum(['date', 'client', 'feedback', 'case', 'call', 'requirement']),
    id: z.uuid(),
  }),
  /** Until when; the start of the next local day when left out. */
  until: z.iso.datetime({ offset: true }).optional(),
});
export const snoozeOut = z.object({ until: z.string() });
