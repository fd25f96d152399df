// GET /api/v1/today and POST /api/v1/today/snoozes: the "Today" start page (issue 21).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/today.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { snooze, today } from './today.ts';

export function registerTodayRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['care'];
  r.get(
    '/api/v1/today',
    {
      schema: {
        tags,
        summary:
          'My day: my open cases by SLA risk, reminders due today, negative records without a case; set-up health for admins',
        response: { 200: api.todayOut },
      },
    },
    async (req) => today(ctxOf(deps, req)),
  );
  r.post(
    '/api/v1/today/snoozes',
    {
      schema: {
        tags,
        summary: 'Put an item of my Today page off (until the next local day by default)',
        body: api.snoozeBody,
        response: { 201: api.snoozeOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await snooze(ctxOf(deps, req), req.body.ref, req.body.until)),
  );
}
