// Issue 21's routes for closing cases: the organisation's resolution codes (settings), the count
// of resolved cases by code for a period, and bulk actions on cases.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/case-closing.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { ResolutionCodesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { bulkUpdateCases } from './bulk.ts';
import { presentCase } from './cases.routes.ts';
import * as codes from './resolution-codes.ts';

const presentCode = (c: ResolutionCodesTable): api.ResolutionCodeOut => ({
  id: c.id,
  key: c.key,
  nameRu: c.name_ru,
  nameEn: c.name_en,
  position: c.position,
  retired: c.retired_at !== null,
});

export function registerCaseClosingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  const list = z.object({ items: z.array(api.resolutionCodeOut) });

  r.get(
    '/api/v1/cases/resolution-codes',
    {
      schema: {
        tags,
        summary: "The organisation's resolution codes in order (retired ones included, marked)",
        response: { 200: list },
      },
    },
    async (req) => ({
      items: (await codes.listResolutionCodes(ctxOf(deps, req))).map(presentCode),
    }),
  );
  r.post(
    '/api/v1/cases/resolution-codes',
    {
      schema: {
        tags,
        summary: 'Add a resolution code (names in Russian and English), last in the order',
        body: api.resolutionCodeBody,
        response: { 201: api.resolutionCodeOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentCode(await codes.createResolutionCode(ctxOf(deps, req), req.body))),
  );
  r.put(
    '/api/v1/cases/resolution-codes/order',
    {
      schema: {
        tags,
        summary: 'Reorder the resolution codes: every code id once (else 422)',
        body: api.resolutionCodeOrderBody,
        response: { 200: list },
      },
    },
    async (req) => ({
      items: (await codes.reorderResolutionCodes(ctxOf(deps, req), req.body.order)).map(
        presentCode,
      ),
    }),
  );
  r.patch(
    '/api/v1/cases/resolution-codes/:id',
    {
      schema: {
        tags,
        summary: 'Rename a resolution code, or retire it (no longer offered) or bring it back',
        params: idParam,
        body: api.resolutionCodePatch,
        response: { 200: api.resolutionCodeOut },
      },
    },
    async (req) =>
      presentCode(await codes.updateResolutionCode(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/cases/resolution-counts',
    {
      schema: {
        tags,
        summary:
          'Cases resolved in [from, to) per resolution code; GET /api/v1/cases with status=resolved,closed, resolvedFrom, resolvedTo and resolutionCode lists each row',
        querystring: api.resolutionCountsQuery,
        response: { 200: z.object({ items: z.array(api.resolutionCountOut) }) },
      },
    },
    async (req) => ({
      items: await codes.countResolutionsByCode(ctxOf(deps, req), req.query.from, req.query.to),
    }),
  );
  r.post(
    '/api/v1/cases/bulk',
    {
      schema: {
        tags,
        summary:
          'Assign, resolve or tag up to 200 cases at once: all or nothing, each case as by PATCH',
        body: api.bulkCasesBody,
        response: { 200: api.bulkCasesOut },
      },
    },
    async (req) => ({
      items: (await bulkUpdateCases(ctxOf(deps, req), req.body)).map((c) =>
        presentCase(c, deps.config),
      ),
    }),
  );
}
