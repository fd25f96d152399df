// HTTP for the telephony log: parse (shared/api/telephony.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/imports.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import * as api from '../../../shared/api/telephony.ts';
import type { CallsTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import type { ColumnMapping } from './call-rows.ts';
import * as telephony from './telephony.service.ts';
import { cleanFilename, FILE_TYPES, fileKindOf } from '../../http/file-upload.ts';

export function presentCall(c: CallsTable): api.CallOut {
  return {
    id: c.id,
    externalId: c.external_id,
    startedAt: c.started_at,
    direction: c.direction,
    waitSeconds: c.wait_seconds,
    answered: c.answered === 1,
    durationSeconds: c.duration_seconds,
    employee: c.employee,
    userId: c.user_id,
    employeeId: c.employee_id,
    clientPhone: c.client_phone,
    contactId: c.contact_id,
    clientId: c.client_id,
    stage: c.stage,
    calledBackCallId: c.called_back_call_id,
    callbackAt: c.callback_at,
    createdAt: c.created_at,
  };
}

const columnsOf = (q: api.ImportCallsQuery): ColumnMapping =>
  Object.fromEntries(
    api.CALL_FIELDS.flatMap((f) => (q[`${f}Column`] === undefined ? [] : [[f, q[`${f}Column`]!]])),
  );

export async function registerTelephonyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const tags = ['telephony'];

  // Only the import reads raw file bodies; every other route stays JSON with the server's body limit.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/calls/import',
      {
        schema: {
          tags,
          summary:
            'Import a call log (CSV or XLSX as the raw body); columns by header name or ?<field>Column=; every row or none (422 with the row errors); ?dryRun=true reports only',
          querystring: api.importCallsQuery,
          response: { 200: api.importCallsOut },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'unsupported_media_type',
            'Send the file itself as the body (text/csv or XLSX), not JSON',
          );
        const kind = fileKindOf(req.headers['content-type'], req.query.filename, req.body);
        return telephony.importCalls(
          ctxOf(deps, req),
          { bytes: req.body, kind, filename: cleanFilename(req.query.filename, kind, 'calls') },
          {
            dryRun: req.query.dryRun,
            timeZone: req.query.timeZone,
            columns: columnsOf(req.query),
          },
        );
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary:
          'Record one call (PBX webhook); the same externalId again returns 200 and the stored record',
        body: api.callIn,
        response: { 201: api.callOut, 200: api.callOut },
      },
    },
    async (req, reply) => {
      const result = await telephony.recordCall(ctxOf(deps, req), req.body);
      return reply.status(result.created ? 201 : 200).send(presentCall(result.call));
    },
  );

  r.get(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'Calls, newest first',
        querystring: api.listCallsQuery,
        response: { 200: page(api.callOut) },
      },
    },
    async (req) => {
      const result = await telephony.listCalls(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentCall), nextCursor: result.nextCursor };
    },
  );

  r.get(
    '/api/v1/calls/missed',
    {
      schema: {
        tags,
        summary: 'Missed inbound calls with no call-back within the target, oldest first',
        response: { 200: api.missedCallsOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const targetMinutes = await telephony.getCallbackTargetMinutes(ctx);
      const calls = await telephony.missedCallsWithoutCallback(ctx, {
        olderThanMinutes: targetMinutes,
      });
      return { targetMinutes, items: calls.map(presentCall) };
    },
  );

  r.get(
    '/api/v1/calls/settings',
    {
      schema: {
        tags,
        summary: 'The call-back target in minutes (default 30)',
        response: { 200: api.callSettingsOut },
      },
    },
    async (req) => ({
      callbackTargetMinutes: await telephony.getCallbackTargetMinutes(ctxOf(deps, req)),
    }),
  );
  r.put(
    '/api/v1/calls/settings',
    {
      schema: {
        tags,
        summary: 'Set the call-back target in minutes',
        body: api.callSettingsIn,
        response: { 200: api.callSettingsOut },
      },
    },
    async (req) => ({
      callbackTargetMinutes: await telephony.setCallbackTargetMinutes(
        ctxOf(deps, req),
        req.body.callbackTargetMinutes,
      ),
    }),
  );

  r.get(
    '/api/v1/calls/:id',
    { schema: { tags, summary: 'One call', params: idParam, response: { 200: api.callOut } } },
    async (req) => presentCall(await telephony.getCall(ctxOf(deps, req), req.params.id)),
  );

  r.get(
    '/api/v1/metrics/operations',
    {
      schema: {
        tags: [...tags, 'metrics'],
        summary:
          'Phone-line metrics over [from, to) by stage, employee or day: answered and missed shares, wait, call-back time',
        querystring: api.operationsQuery,
        response: { 200: api.operationsOut },
      },
    },
    async (req) => telephony.getOperationsMetrics(ctxOf(deps, req), req.query),
  );
}
