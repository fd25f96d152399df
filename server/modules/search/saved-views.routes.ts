import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/saved-views.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as views from './saved-views.service.ts';

export function registerSavedViewRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['search'];
  r.get(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'Your saved views of a list (only yours; signed-in people only)',
        querystring: api.savedViewsQuery,
        response: { 200: api.savedViewsOut },
      },
    },
    async (req) => ({ items: await views.listSavedViews(ctxOf(deps, req), req.query.list) }),
  );
  r.post(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'Save the filters of a list under a name',
        body: api.createSavedViewBody,
        response: { 201: api.savedViewOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await views.createSavedView(ctxOf(deps, req), req.body)),
  );
  r.patch(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a saved view or replace its filters',
        params: idParam,
        body: api.updateSavedViewBody,
        response: { 200: api.savedViewOut },
      },
    },
    async (req) => views.updateSavedView(ctxOf(deps, req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/saved-views/:id',
    { schema: { tags, summary: 'Delete a saved view', params: idParam } },
    async (req, reply) => {
      await views.deleteSavedView(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
