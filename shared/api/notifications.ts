// A person's in-app notifications (issue 21): the bell in the header, its list and the kinds a
// person turned off. Only ever the caller's own (organisation AND person).
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../domain/vocabulary.ts';

export const notificationKind = z.enum(NOTIFICATION_KINDS);

export const notificationOut = z.object({
  id: z.string(),
  kind: notificationKind,
  caseId: z.string(),
  /** What people call the case: its number and title (never a bare id). */
  caseRef: z.string(),
  caseTitle: z.string(),
  /** The person who caused it (who handed the case over); null for routing, the timer, a client. */
  actorName: z.string().nullable(),
  /** The case's resolution due time now (an "at risk" notice says when it is due). */
  caseDueAt: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationOut = z.infer<typeof notificationOut>;

export const notificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const notificationsOut = z.object({
  /** How many of mine are unread (all of them, not only the listed ones). */
  unread: z.number().int(),
  /** Newest first (by createdAt, then id: a stable order). */
  items: z.array(notificationOut),
});
export type NotificationsOut = z.infer<typeof notificationsOut>;

export const readAllOut = z.object({ marked: z.number().int() });

export const notificationSettings = z.object({
  /** The kinds this person does not want; everything else is on. */
  off: z.array(notificationKind).max(NOTIFICATION_KINDS.length),
});
export type NotificationSettings = z.infer<typeof notificationSettings>;
