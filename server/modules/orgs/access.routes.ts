// HTTP for issue 19's access controls: a person's sessions (list, revoke one, sign out
// everywhere), an admin's reset of another person's second factor, and the audit log with its
// filters and export (CSV/XLSX through server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/access.ts';
import { auditOut, idParam, page, userOut } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf, sessionCookieName, sessionCookieOptions } from '../../http/auth.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import type { AuditOut } from '../../../shared/api/orgs.ts';
import * as audit from './audit.service.ts';
import { presentAudit, presentUser } from './orgs.present.ts';
import * as sessions from './sessions.service.ts';

export const AUDIT_COLUMNS: readonly ExportColumn<AuditOut>[] = [
  { key: 'createdAt', type: 'datetime', value: (a) => a.createdAt },
  { key: 'action', type: 'text', value: (a) => a.action },
  { key: 'actorType', type: 'text', value: (a) => a.actorType },
  { key: 'actorId', type: 'text', value: (a) => a.actorId },
  { key: 'targetType', type: 'text', value: (a) => a.targetType },
  { key: 'targetId', type: 'text', value: (a) => a.targetId },
  { key: 'ip', type: 'text', value: (a) => a.ip },
  { key: 'userAgent', type: 'text', value: (a) => a.userAgent },
  { key: 'details', type: 'text', value: (a) => (a.details ? JSON.stringify(a.details) : null) },
  { key: 'id', type: 'text', value: (a) => a.id },
];

export function registerAccessRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  r.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags,
        summary: "The caller's open sessions, newest first; `current` marks this one",
        response: { 200: z.object({ items: z.array(api.sessionOut) }) },
      },
    },
    async (req) => ({ items: await sessions.listMySessions(ctxOf(deps, req)) }),
  );
  r.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags,
        summary: 'End one of the caller’s sessions at once (audited)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await sessions.revokeMySession(ctxOf(deps, req), req.params.id);
      if (req.params.id === req.actor?.sessionId)
        reply.clearCookie(sessionCookieName(deps), sessionCookieOptions(deps));
      return reply.status(204).send();
    },
  );
  r.post(
    '/api/v1/me/sessions/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'End every session of the caller, this one included (audited)',
      },
    },
    async (req, reply) => {
      await sessions.signOutEverywhere(ctxOf(deps, req));
      reply.clearCookie(sessionCookieName(deps), sessionCookieOptions(deps));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/users/:id/2fa/reset',
    {
      schema: {
        tags,
        summary:
          "Switch a person's two-factor sign-in off (admins, audited): their sessions end and " +
          'they must set it up again at their next sign-in',
        params: idParam,
        response: { 200: userOut },
      },
    },
    async (req) => presentUser(await sessions.resetTwoFactor(ctxOf(deps, req), req.params.id)),
  );

  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'Audit log, newest first, filtered by action, actor and UTC days (admins)',
        querystring: api.auditQuery,
        response: { 200: page(auditOut) },
      },
    },
    async (req) => {
      const result = await audit.listAuditLog(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentAudit), nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/audit/actions',
    {
      schema: {
        tags,
        summary: 'The actions the audit log holds (for its filter)',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async (req) => ({ items: await audit.listAuditActions(ctxOf(deps, req)) }),
  );
  registerListExport(app, deps, {
    url: '/api/v1/audit/export',
    tag: 'organisation',
    summary: 'The audit log (filters as GET /api/v1/audit) as one CSV or XLSX file (admins)',
    querystring: api.auditExportQuery,
    list: 'audit',
    columns: AUDIT_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const result = await audit.listAuditLog(ctx, { ...q, cursor, limit });
      return { items: result.items.map(presentAudit), nextCursor: result.nextCursor };
    },
  });
}
