import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/stages.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as stages from './stages.service.ts';

export const presentStage = ({ stage, targets }: stages.StageWithTargets): api.StageOut => ({
  id: stage.id,
  key: stage.key,
  nameRu: stage.name_ru,
  nameEn: stage.name_en,
  position: Number(stage.position),
  ownerId: stage.owner_user_id,
  targets: targets.map((t) => ({
    metric: t.metric,
    target: Number(t.target),
    direction: t.direction,
  })),
  createdAt: stage.created_at,
  updatedAt: stage.updated_at,
});

export function registerStageRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['stages'];

  r.get(
    '/api/v1/stages',
    {
      schema: {
        tags,
        summary: 'Journey stages of the organisation, in journey order, with owners and targets',
        response: { 200: z.object({ items: z.array(api.stageOut) }) },
      },
    },
    async (req) => ({ items: (await stages.listStages(ctxOf(deps, req))).map(presentStage) }),
  );
  r.post(
    '/api/v1/stages',
    {
      schema: {
        tags,
        summary:
          'Create a stage (admin). The key is what records carry (1–100 characters, no outer ' +
          'spaces); 409 stage_key_taken for a key in use, 422 naming body.key for a bad one',
        body: api.createStageBody,
        response: { 201: api.stageOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentStage(await stages.createStage(ctxOf(deps, req), req.body))),
  );
  r.get(
    '/api/v1/stages/:id',
    { schema: { tags, params: idParam, response: { 200: api.stageOut } } },
    async (req) => presentStage(await stages.getStage(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/stages/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or give an owner to a stage (admin); the key never changes',
        params: idParam,
        body: api.updateStageBody,
        response: { 200: api.stageOut },
      },
    },
    async (req) =>
      presentStage(await stages.updateStage(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/stages/:id',
    {
      schema: {
        tags,
        summary: 'Delete a stage no record carries (admin); 409 stage_in_use otherwise',
        params: idParam,
      },
    },
    async (req, reply) => {
      await stages.deleteStage(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.put(
    '/api/v1/stages/:id/targets',
    {
      schema: {
        tags,
        summary: "Replace the stage's targets: per metric key a value and a direction (up|down)",
        params: idParam,
        body: api.putTargetsBody,
        response: { 200: api.stageOut },
      },
    },
    async (req) =>
      presentStage(await stages.putTargets(ctxOf(deps, req), req.params.id, req.body.targets)),
  );
  r.post(
    '/api/v1/stages/:id/merge',
    {
      schema: {
        tags,
        summary:
          'Merge this stage into intoId (admin): every record with its key gets the key of ' +
          'intoId, in one transaction; this stage is deleted. Returns the remaining stage',
        params: idParam,
        body: api.mergeStageBody,
        response: { 200: api.stageOut },
      },
    },
    async (req) =>
      presentStage(await stages.mergeStages(ctxOf(deps, req), req.params.id, req.body.intoId)),
  );
}
