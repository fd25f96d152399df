// Issue 19: DELETE /api/v1/feedback/{id} (admins, audited; the score rollup follows) and the
// organisation's retention setting for free texts (GET any role, PUT admins, audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/api/orgs.ts';
import * as api from '../../../shared/api/privacy.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { deleteFeedback } from './privacy.ts';
import { getRetention, setRetention } from './retention.ts';

export function registerFeedbackPrivacyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.delete(
    '/api/v1/feedback/:id',
    {
      schema: {
        tags: ['feedback'],
        summary:
          'Delete a feedback record (admins, audited); NPS and every rollup are counted as if it never came',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteFeedback(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/settings/retention',
    {
      schema: {
        tags: ['feedback'],
        summary: 'How long feedback texts and case reply texts are kept (null: for ever)',
        response: { 200: api.retentionOut },
      },
    },
    async (req) => getRetention(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/settings/retention',
    {
      schema: {
        tags: ['feedback'],
        summary:
          'Set the retention of free texts in months (admins, audited); the worker anonymises older ones, scores stay',
        body: api.retentionBody,
        response: { 200: api.retentionOut },
      },
    },
    async (req) => setRetention(ctxOf(deps, req), req.body),
  );
}
