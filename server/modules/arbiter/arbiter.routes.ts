// HTTP of the arbiter report and its suggestion rules (issue 16).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/arbiter.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { getArbiter, getArbiterRules, putArbiterRules, refreshArbiter } from './arbiter.service.ts';

export function registerArbiterRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['arbiter'];
  r.get(
    '/api/v1/arbiter',
    {
      schema: {
        tags,
        summary:
          'The arbiter report (analyst and up): stages ranked by revenue at risk with drivers, ' +
          'worst metrics, representative texts, open cases and a suggested action; the stored ' +
          'report of the window (docs/scorecard.md)',
        querystring: api.arbiterQuery,
        response: { 200: api.arbiterOut },
      },
    },
    async (req) => getArbiter(ctxOf(deps, req), req.query),
  );
  r.post(
    '/api/v1/arbiter/refresh',
    {
      schema: {
        tags,
        summary: "Recomputes the window's arbiter report now and stores it",
        querystring: api.arbiterQuery,
        response: { 200: api.arbiterOut },
      },
    },
    async (req) => refreshArbiter(ctxOf(deps, req), req.query),
  );
  r.get(
    '/api/v1/arbiter/rules',
    {
      schema: {
        tags,
        summary:
          'The suggestion rules, first match wins (built-in until the organisation saves its own)',
        response: { 200: api.arbiterRulesOut },
      },
    },
    async (req) => getArbiterRules(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/arbiter/rules',
    {
      schema: {
        tags,
        summary:
          'Replaces the suggestion rules (managers and admins); [] restores the built-in table',
        body: api.putArbiterRulesBody,
        response: { 200: api.arbiterRulesOut },
      },
    },
    async (req) => putArbiterRules(ctxOf(deps, req), req.body.rules),
  );
}
