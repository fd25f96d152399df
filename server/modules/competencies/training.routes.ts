// HTTP of training plan items and the onboarding checklists (issue 18).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/competencies.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as onboarding from './onboarding.service.ts';
import * as training from './training.service.ts';

export function registerTrainingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['competencies'];
  const one = async (
    ctx: ReturnType<typeof ctxOf>,
    row: Parameters<typeof training.presentTrainingItems>[1][0],
  ) => (await training.presentTrainingItems(ctx, [row]))[0]!;
  r.get(
    '/api/v1/training-items',
    {
      schema: {
        tags,
        summary: 'Training plan items, by employee and status',
        querystring: api.listTrainingItemsQuery,
        response: { 200: page(api.trainingItemOut) },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      const p = await training.listTrainingItems(ctx, req.query);
      return { items: await training.presentTrainingItems(ctx, p.items), nextCursor: p.nextCursor };
    },
  );
  r.post(
    '/api/v1/training-items',
    {
      schema: {
        tags,
        summary:
          'Add a training item; from a gap: employeeId + competencyId (the title defaults to ' +
          "the competency's name)",
        body: api.createTrainingItemBody,
        response: { 201: api.trainingItemOut },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(deps, req);
      return reply
        .status(201)
        .send(await one(ctx, await training.createTrainingItem(ctx, req.body)));
    },
  );
  r.get(
    '/api/v1/training-items/:id',
    { schema: { tags, params: idParam, response: { 200: api.trainingItemOut } } },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return one(ctx, await training.getTrainingItem(ctx, req.params.id));
    },
  );
  r.patch(
    '/api/v1/training-items/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: api.updateTrainingItemBody,
        response: { 200: api.trainingItemOut },
      },
    },
    async (req) => {
      const ctx = ctxOf(deps, req);
      return one(ctx, await training.updateTrainingItem(ctx, req.params.id, req.body));
    },
  );
  r.delete(
    '/api/v1/training-items/:id',
    { schema: { tags, params: idParam } },
    async (req, reply) => {
      await training.deleteTrainingItem(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/onboarding/template',
    { schema: { tags, response: { 200: api.onboardingTemplateOut } } },
    async (req) => onboarding.getTemplate(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/onboarding/template',
    {
      schema: {
        tags,
        summary: "Replace the organisation's onboarding template (items ru/en, in order)",
        body: api.onboardingTemplateBody,
        response: { 200: api.onboardingTemplateOut },
      },
    },
    async (req) => onboarding.putTemplate(ctxOf(deps, req), req.body),
  );
  r.get(
    '/api/v1/onboarding/checklists',
    { schema: { tags, response: { 200: api.checklistsOut } } },
    async (req) => onboarding.listChecklists(ctxOf(deps, req)),
  );
  r.post(
    '/api/v1/onboarding/checklists',
    {
      schema: {
        tags,
        summary: 'Start an onboarding checklist for an employee by hand (409 when one exists)',
        body: api.createChecklistBody,
        response: { 201: api.checklistOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await onboarding.createChecklist(ctxOf(deps, req), req.body.employeeId)),
  );
  r.get(
    '/api/v1/onboarding/checklists/:id',
    { schema: { tags, params: idParam, response: { 200: api.checklistOut } } },
    async (req) => onboarding.getChecklist(ctxOf(deps, req), req.params.id),
  );
  r.put(
    '/api/v1/onboarding/checklists/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Tick an item off (done: true, with who and when) or un-tick it',
        params: api.checklistItemParams,
        body: api.tickBody,
        response: { 200: api.checklistOut },
      },
    },
    async (req) =>
      onboarding.tickChecklistItem(
        ctxOf(deps, req),
        req.params.id,
        req.params.itemId,
        req.body.done,
      ),
  );
}
