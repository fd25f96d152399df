// The notifications module (issue 21): a person's in-app bell. It writes what the cases module
// announces through its caseNotices hook, in the same transaction, and serves /api/v1/me/….
import type { ModuleDef } from '../module.ts';
import { caseNotices } from '../cases/index.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';
import { writeNotifications } from './notifications.service.ts';

caseNotices.subscribe('notifications.bell', writeNotifications);

export { NOTIFICATION_RETENTION_DAYS, pruneReadNotifications } from './notifications.service.ts';

export const notificationsModule: ModuleDef = {
  name: 'notifications',
  routes: registerNotificationRoutes,
};
