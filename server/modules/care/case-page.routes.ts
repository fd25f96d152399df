// GET /api/v1/cases/:id: the case as the care team works it, with its client's special
// requirements in effect, so whoever resolves it sees them. Registered here, not in cases,
// because care owns the requirements and sits above cases in the module graph (ADR 008).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/cases.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { getCase, presentCase } from '../cases/index.ts';
import { caseRequirementsOut, requirementsOnCase } from './care.routes.ts';

export function registerCasePageRoute(app: FastifyInstance, deps: Deps): void {
  const base = deps.config;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags: ['cases'],
        params: idParam,
        response: { 200: api.caseOut.extend({ requirements: caseRequirementsOut }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const c = await getCase(ctx, req.params.id);
      return { ...presentCase(c, base), requirements: await requirementsOnCase(ctx, c.client_id) };
    },
  );
}
