// HTTP for a client's decision-maker and influencer coverage (issue 17, SPEC C9).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/care.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { clientCoverage } from './coverage.service.ts';

export function registerCoverageRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/clients/:id/coverage',
    {
      schema: {
        tags: ['care'],
        summary:
          'Whether a decision maker and an influencer are among the contacts, each touched in the last 6 months',
        params: idParam,
        response: { 200: api.clientCoverageOut },
      },
    },
    async (req) => clientCoverage(ctxOf(deps, req), req.params.id),
  );
}
