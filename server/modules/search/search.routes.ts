import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchOut, searchQuery } from '../../../shared/api/search.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { searchEverything } from './search.service.ts';

export function registerSearchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search clients (name, INN, contacts’ e-mail and phone), contacts, feedback texts (the 5 000 newest records) and cases (reference, title); up to `limit` of each',
        querystring: searchQuery,
        response: { 200: searchOut },
      },
    },
    async (req) => searchEverything(ctxOf(deps, req), req.query.q, req.query.limit),
  );
}
