// The bell (issue 21): GET /api/v1/me/notifications, mark one or all read, and the kinds a person
// turned off. Personal routes of a signed-in person (the /api/v1/me scope: no API key reaches them).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/notifications.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './notifications.service.ts';

export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/v1/me/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with how many are unread (polled by the bell)',
        querystring: api.notificationsQuery,
        response: { 200: api.notificationsOut },
      },
    },
    async (req) => service.listMyNotifications(ctxOf(deps, req), req.query.limit),
  );
  r.post(
    '/api/v1/me/notifications/:id/read',
    {
      schema: { tags, summary: 'Mark one of my notifications read', params: idParam },
    },
    async (req, reply) => {
      await service.markNotificationRead(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/v1/me/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: api.readAllOut },
      },
    },
    async (req) => ({ marked: await service.markAllNotificationsRead(ctxOf(deps, req)) }),
  );
  r.get(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'The kinds of notification I turned off',
        response: { 200: api.notificationSettings },
      },
    },
    async (req) => service.getNotificationSettings(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/me/notification-settings',
    {
      schema: {
        tags,
        summary: 'Turn kinds of notification off (the listed ones) or on (the others)',
        body: api.notificationSettings,
        response: { 200: api.notificationSettings },
      },
    },
    async (req) => service.setNotificationSettings(ctxOf(deps, req), req.body),
  );
}
