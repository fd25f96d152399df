// HTTP for process KPIs: parse (shared/api/scorecard.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/scorecard.ts';
import type { KpisTable, KpiValuesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as kpis from './kpis.service.ts';

const num = (v: number | string | null) => (v === null ? null : Number(v));

export const presentKpi = (k: KpisTable): api.KpiOut => ({
  key: k.key,
  name: k.name,
  nameEn: k.name_en,
  unit: k.unit,
  direction: k.direction,
  target: num(k.target),
  createdAt: new Date(k.created_at).toISOString(),
  updatedAt: new Date(k.updated_at).toISOString(),
});

export const presentKpiValue = (v: KpiValuesTable): api.KpiValueOut => ({
  stage: v.stage,
  period: v.period,
  value: Number(v.value),
  target: num(v.target),
  updatedAt: new Date(v.updated_at).toISOString(),
});

export function registerKpiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scorecard'];
  const params = api.kpiKeyParam;

  r.get(
    '/api/v1/kpis',
    {
      schema: {
        tags,
        summary: 'Process KPIs of the organisation, by key (analyst and up)',
        response: { 200: z.object({ items: z.array(api.kpiOut) }) },
      },
    },
    async (req) => ({ items: (await kpis.listKpis(ctxOf(deps, req))).map(presentKpi) }),
  );
  r.get(
    '/api/v1/kpis/:key',
    { schema: { tags, params, response: { 200: api.kpiOut } } },
    async (req) => presentKpi(await kpis.getKpi(ctxOf(deps, req), req.params.key)),
  );
  r.put(
    '/api/v1/kpis/:key',
    {
      schema: {
        tags,
        summary:
          'Define a process KPI or replace its definition (manager and up): 201 new, 200 replaced; ' +
          'cases.* and calls.* keys are the built-in metrics (422)',
        params,
        body: api.putKpiBody,
        response: { 200: api.kpiOut, 201: api.kpiOut },
      },
    },
    async (req, reply) => {
      const { created, row } = await kpis.putKpi(ctxOf(deps, req), req.params.key, req.body);
      return reply.status(created ? 201 : 200).send(presentKpi(row));
    },
  );
  r.delete(
    '/api/v1/kpis/:key',
    { schema: { tags, summary: 'Delete a KPI and all its values', params } },
    async (req, reply) => {
      await kpis.deleteKpi(ctxOf(deps, req), req.params.key);
      return reply.status(204).send();
    },
  );
  r.put(
    '/api/v1/kpis/:key/values',
    {
      schema: {
        tags,
        summary:
          'Upsert values per stage and month, all or nothing: an unknown stage → 404 naming the ' +
          'item (body.values.N.stage), a period that is not YYYY-MM → 422 naming it; then nothing is written',
        params,
        body: api.putKpiValuesBody,
        response: { 200: api.kpiValuesOut },
      },
    },
    async (req) => ({
      items: (await kpis.putKpiValues(ctxOf(deps, req), req.params.key, req.body.values)).map(
        presentKpiValue,
      ),
    }),
  );
  r.get(
    '/api/v1/kpis/:key/values',
    {
      schema: {
        tags,
        summary: 'Values of a KPI by month and stage; from/to are months YYYY-MM, [from, to)',
        params,
        querystring: api.listKpiValuesQuery,
        response: { 200: api.kpiValuesOut },
      },
    },
    async (req) => ({
      items: (await kpis.listKpiValues(ctxOf(deps, req), req.params.key, req.query)).map(
        presentKpiValue,
      ),
    }),
  );
}
