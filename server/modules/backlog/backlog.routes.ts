// HTTP for the improvement backlog: parse (shared/api/backlog.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/backlog.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as service from './backlog.service.ts';
import { initiativeDetail } from './detail.ts';
import { listInitiatives } from './list.ts';
import { presentInitiative } from './present.ts';

export function registerBacklogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['backlog'];

  r.get(
    '/api/v1/initiatives',
    {
      schema: {
        tags,
        summary:
          'The improvement backlog, ranked (open first, by value ÷ effort), with quadrant counts and the on-time share',
        querystring: api.listInitiativesQuery,
        response: { 200: api.initiativesOut },
      },
    },
    async (req) => {
      const page = await listInitiatives(ctxOf(deps, req), req.query);
      return { ...page, items: page.items.map(presentInitiative) };
    },
  );

  r.post(
    '/api/v1/initiatives',
    {
      schema: {
        tags,
        summary: 'Add an initiative (an idea), optionally from feedback records',
        body: api.initiativeIn,
        response: { 201: api.initiativeOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentInitiative(await service.createInitiative(ctxOf(deps, req), req.body))),
  );

  r.get(
    '/api/v1/initiatives/:id',
    {
      schema: {
        tags,
        summary: 'One initiative with its linked feedback, clients and cases',
        params: idParam,
        response: { 200: api.initiativeDetailOut },
      },
    },
    async (req) => initiativeDetail(ctxOf(deps, req), req.params.id),
  );

  r.patch(
    '/api/v1/initiatives/:id',
    {
      schema: {
        tags,
        summary:
          'Change an initiative: status (409 invalid_transition), public note, scores, due date …; done sends "you said, we did" once per contact and the initiative.done webhook',
        params: idParam,
        body: api.initiativePatch,
        response: { 200: api.initiativeOut },
      },
    },
    async (req) =>
      presentInitiative(await service.updateInitiative(ctxOf(deps, req), req.params.id, req.body)),
  );

  r.post(
    '/api/v1/initiatives/:id/feedback',
    {
      schema: {
        tags,
        summary:
          'Link feedback records to an initiative (another organisation’s → 404, none linked)',
        params: idParam,
        body: api.linkFeedbackBody,
        response: { 200: api.initiativeOut },
      },
    },
    async (req) =>
      presentInitiative(
        await service.linkFeedback(ctxOf(deps, req), req.params.id, req.body.feedbackIds),
      ),
  );

  r.delete(
    '/api/v1/initiatives/:id',
    {
      schema: {
        tags,
        summary:
          'Delete an initiative that is not done (409 initiative_done); or PATCH status dropped',
        params: idParam,
      },
    },
    async (req, reply) => {
      await service.deleteInitiative(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
