// DELETE /api/v1/cases/{id} (issue 19): admins delete a case, audited; the rollup follows.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { deleteCase } from './privacy.ts';

export function registerCasePrivacyRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().delete(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Delete a case and its timeline (admins, audited); the scorecard’s case rollup is counted again without it',
        params: idParam,
      },
    },
    async (req, reply) => {
      await deleteCase(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
