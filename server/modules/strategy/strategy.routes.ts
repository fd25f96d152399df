// HTTP for the strategy map (issue 18): parse (shared/api/strategy.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/strategy.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { assertCan } from '../../lib/permissions.ts';
import { BINDINGS } from './bindings.ts';
import * as goals from './goals.service.ts';
import * as kpis from './kpis.service.ts';
import { getStrategyMap, presentGoals } from './map.service.ts';

export function registerStrategyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['strategy'];
  const goalOf = async (
    req: Parameters<typeof ctxOf>[1],
    row: Parameters<typeof presentGoals>[1][number],
  ) => (await presentGoals(ctxOf(deps, req), [row]))[0]!;

  r.get(
    '/api/v1/strategy/map',
    {
      schema: {
        tags,
        summary: 'The whole strategy map: goals by perspective, arrows, KPIs with current values',
        response: { 200: api.strategyMapOut },
      },
    },
    async (req) => getStrategyMap(ctxOf(deps, req)),
  );

  r.get(
    '/api/v1/strategy/metrics',
    {
      schema: {
        tags,
        summary: 'The live metrics a KPI can be bound to, with their parameters and windows',
        response: { 200: api.bindableMetricsOut },
      },
    },
    async (req) => {
      assertCan(ctxOf(deps, req).actor, 'data.read');
      return {
        items: BINDINGS.map(({ read: _read, windowed: _w, ...b }) => b),
        windows: [...api.BINDING_WINDOWS],
      };
    },
  );

  r.post(
    '/api/v1/strategy/goals',
    {
      schema: {
        tags,
        summary: 'Add a goal (admins)',
        body: api.goalIn,
        response: { 201: api.goalOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await goalOf(req, await goals.createGoal(ctxOf(deps, req), req.body))),
  );

  r.get(
    '/api/v1/strategy/goals/:id',
    { schema: { tags, params: idParam, response: { 200: api.goalOut } } },
    async (req) => goalOf(req, await goals.getGoal(ctxOf(deps, req), req.params.id)),
  );

  r.patch(
    '/api/v1/strategy/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal (admins)',
        params: idParam,
        body: api.goalPatch,
        response: { 200: api.goalOut },
      },
    },
    async (req) => goalOf(req, await goals.updateGoal(ctxOf(deps, req), req.params.id, req.body)),
  );

  r.delete(
    '/api/v1/strategy/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a goal with its arrows, KPIs and links (admins)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await goals.deleteGoal(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/v1/strategy/goals/:id/effects/:effectId',
    {
      schema: {
        tags,
        summary:
          'Draw the arrow cause (:id) → effect (:effectId); 422 invalid_arrow for a goal to itself or a cycle, 409 when drawn',
        params: api.arrowParams,
        response: { 201: api.arrowOut },
      },
    },
    async (req, reply) => {
      await goals.addArrow(ctxOf(deps, req), req.params.id, req.params.effectId);
      return reply
        .status(201)
        .send({ causeGoalId: req.params.id, effectGoalId: req.params.effectId });
    },
  );

  r.delete(
    '/api/v1/strategy/goals/:id/effects/:effectId',
    {
      schema: {
        tags,
        summary: 'Remove the arrow cause (:id) → effect (:effectId)',
        params: api.arrowParams,
      },
    },
    async (req, reply) => {
      await goals.removeArrow(ctxOf(deps, req), req.params.id, req.params.effectId);
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/v1/strategy/goals/:id/items/:kind/:itemId',
    {
      schema: {
        tags,
        summary: 'Hang an initiative or a training item under the goal (its module must know it)',
        params: api.itemParams,
      },
    },
    async (req, reply) => {
      await goals.linkItem(ctxOf(deps, req), req.params.id, req.params.kind, req.params.itemId);
      return reply.status(204).send();
    },
  );

  r.delete(
    '/api/v1/strategy/goals/:id/items/:kind/:itemId',
    { schema: { tags, summary: 'Unlink an item from the goal', params: api.itemParams } },
    async (req, reply) => {
      await goals.unlinkItem(ctxOf(deps, req), req.params.id, req.params.kind, req.params.itemId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/v1/strategy/goals/:id/kpis',
    {
      schema: {
        tags,
        summary:
          'Add a KPI to the goal: manual, or bound to a metric of GET /api/v1/strategy/metrics',
        params: idParam,
        body: api.kpiIn,
        response: { 201: api.kpiOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await kpis.createKpi(ctxOf(deps, req), req.params.id, req.body)),
  );

  r.get(
    '/api/v1/strategy/kpis/:id',
    {
      schema: {
        tags,
        summary: 'A KPI with its current value and status',
        params: idParam,
        response: { 200: api.kpiOut },
      },
    },
    async (req) => kpis.getKpi(ctxOf(deps, req), req.params.id),
  );

  r.patch(
    '/api/v1/strategy/kpis/:id',
    { schema: { tags, params: idParam, body: api.kpiPatch, response: { 200: api.kpiOut } } },
    async (req) => kpis.updateKpi(ctxOf(deps, req), req.params.id, req.body),
  );

  r.delete(
    '/api/v1/strategy/kpis/:id',
    { schema: { tags, params: idParam } },
    async (req, reply) => {
      await kpis.deleteKpi(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/strategy/kpis/:id/values',
    {
      schema: {
        tags,
        summary: "A manual KPI's values, newest day first",
        params: idParam,
        response: { 200: api.kpiValuesOut },
      },
    },
    async (req) => ({ items: await kpis.listKpiValues(ctxOf(deps, req), req.params.id) }),
  );

  r.put(
    '/api/v1/strategy/kpis/:id/values',
    {
      schema: {
        tags,
        summary: 'Enter the value of a day (replaces that day’s); 409 kpi_is_bound on a bound KPI',
        params: idParam,
        body: api.kpiValueIn,
        response: { 200: api.kpiValuesOut },
      },
    },
    async (req) => ({ items: await kpis.putKpiValue(ctxOf(deps, req), req.params.id, req.body) }),
  );

  r.delete(
    '/api/v1/strategy/kpis/:id/values/:date',
    { schema: { tags, params: api.kpiValueDateParam } },
    async (req, reply) => {
      await kpis.deleteKpiValue(ctxOf(deps, req), req.params.id, req.params.date);
      return reply.status(204).send();
    },
  );
}
