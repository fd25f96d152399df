// The pulse API: pulses with their team links and per-team counts, eNPS results per team and
// period, and the employee layer of the scorecard. No route returns an individual answer.
import { listStageTargets } from '../stages/index.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/pulse.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { employeeScorecard, pulseResults } from './pulse-results.ts';
import * as pulses from './pulse.service.ts';

export function registerPulseRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pulse'];

  r.post(
    '/api/v1/pulses',
    {
      schema: {
        tags,
        summary: 'Create an anonymous eNPS pulse for all or some teams and e-mail the invitations',
        body: api.createPulseBody,
        response: { 201: api.createPulseOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      const { pulse, queued, withoutEmail } = await pulses.createPulse(ctx, req.body);
      const view = await pulses.presentPulse(ctx, pulse);
      return reply.status(201).send({ ...view, queued, withoutEmail });
    },
  );
  r.get(
    '/api/v1/pulses',
    {
      schema: {
        tags,
        summary: 'Pulses, newest first',
        querystring: api.listPulsesQuery,
        response: { 200: page(api.pulseOut) },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const result = await pulses.listPulses(ctx, req.query);
      const items = [];
      for (const p of result.items) items.push(await pulses.presentPulse(ctx, p));
      return { items, nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/pulses/:id',
    { schema: { tags, params: idParam, response: { 200: api.pulseOut } } },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return pulses.presentPulse(ctx, await pulses.getPulse(ctx, req.params.id));
    },
  );
  r.patch(
    '/api/v1/pulses/:id',
    {
      schema: {
        tags,
        summary: 'Close or reopen a pulse',
        params: idParam,
        body: api.updatePulseBody,
        response: { 200: api.pulseOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const row = await pulses.setPulseStatus(ctx, req.params.id, req.body.status);
      return pulses.presentPulse(ctx, row);
    },
  );
  r.get(
    '/api/v1/pulses/:id/results',
    {
      schema: {
        tags,
        summary: 'eNPS of the pulse per team and period; hidden below 5 answers',
        params: idParam,
        querystring: api.enpsQuery,
        response: { 200: api.pulseResultsOut },
      },
    },
    async (req) => pulseResults(ctxOf(deps, req), req.params.id, req.query),
  );
  r.get(
    '/api/v1/scorecard/employees',
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Employee layer: eNPS per team (stage) and period with target and status',
        querystring: api.enpsQuery,
        response: { 200: api.scorecardEmployeesOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      // The stage registry's eNPS target per team (metric key `enps`), null where none is set.
      const targets = new Map(
        (await listStageTargets(ctx)).map((s) => [s.key, s.targets.get('enps')?.target ?? null]),
      );
      return employeeScorecard(ctx, req.query, (stage) =>
        stage === null ? null : (targets.get(stage) ?? null),
      );
    },
  );
}
