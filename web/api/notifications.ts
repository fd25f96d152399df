// A person's bell (issue 21): shapes from shared/api/notifications.ts (types only).
import type {
  NotificationOut,
  NotificationsOut,
  NotificationSettings,
} from '../../shared/api/notifications.ts';
import { api } from './client.ts';

export type { NotificationOut, NotificationsOut, NotificationSettings };
export { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/domain/vocabulary.ts';

/** How often the bell asks; no push channel is needed for a count that may lag half a minute. */
export const BELL_POLL_MS = 30_000;

export const getNotifications = () => api.get<NotificationsOut>('/api/v1/me/notifications');
export const markNotificationRead = (id: string) =>
  api.post<void>(`/api/v1/me/notifications/${id}/read`);
export const markAllNotificationsRead = () =>
  api.post<{ marked: number }>('/api/v1/me/notifications/read-all');
export const getNotificationSettings = () =>
  api.get<NotificationSettings>('/api/v1/me/notification-settings');
export const putNotificationSettings = (s: NotificationSettings) =>
  api.put<NotificationSettings>('/api/v1/me/notification-settings', s);
