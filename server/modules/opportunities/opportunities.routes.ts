// HTTP for opportunities: parse (shared/api/opportunities.ts) → service → present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/opportunities.ts';
import { idParam } from '../../../shared/api/orgs.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import * as service from './opportunities.service.ts';
import { suggestedOpportunities } from './suggestions.service.ts';
import { allowedNextStages } from './transitions.ts';

export function presentOpportunity(o: service.OpportunityView): api.OpportunityOut {
  return {
    id: o.id,
    clientId: o.client_id,
    product: o.product,
    value: o.value_minor === null ? null : fromMinorUnits(Number(o.value_minor)),
    currency: o.currency,
    stage: o.sales_stage,
    allowedNext: [...allowedNextStages(o.sales_stage)],
    ownerId: o.owner_id,
    dueDate: o.due_date,
    note: o.note,
    transactionIds: o.transactionIds,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}

export function registerOpportunityRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['opportunities'];

  r.get(
    '/api/v1/clients/:id/opportunities',
    {
      schema: {
        tags,
        summary: "A client's upsell and cross-sell opportunities, open ones first",
        params: idParam,
        response: { 200: z.object({ items: z.array(api.opportunityOut) }) },
      },
    },
    async (req) => ({
      items: (await service.listOpportunities(ctxOf(deps, req), req.params.id)).map(
        presentOpportunity,
      ),
    }),
  );

  r.post(
    '/api/v1/clients/:id/opportunities',
    {
      schema: {
        tags,
        summary: 'Add an opportunity (an idea, or an offer already made) to a client',
        params: idParam,
        body: api.opportunityIn,
        response: { 201: api.opportunityOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          presentOpportunity(
            await service.addOpportunity(ctxOf(deps, req), req.params.id, req.body),
          ),
        ),
  );

  r.get(
    '/api/v1/clients/:id/opportunities/suggested',
    {
      schema: {
        tags,
        summary:
          'Products similar clients bought in the last 12 months and this one never did, by share of peers buying; value = their median spend',
        params: idParam,
        response: { 200: api.suggestionsOut },
      },
    },
    async (req) => suggestedOpportunities(ctxOf(deps, req), req.params.id),
  );

  r.get(
    '/api/v1/opportunities/:id',
    { schema: { tags, params: idParam, response: { 200: api.opportunityOut } } },
    async (req) =>
      presentOpportunity(await service.getOpportunity(ctxOf(deps, req), req.params.id)),
  );

  r.patch(
    '/api/v1/opportunities/:id',
    {
      schema: {
        tags,
        summary:
          'Change an opportunity: stage (409 invalid_transition), owner, value, due date; a won one links its client’s transactions',
        params: idParam,
        body: api.opportunityPatch,
        response: { 200: api.opportunityOut },
      },
    },
    async (req) =>
      presentOpportunity(
        await service.updateOpportunity(ctxOf(deps, req), req.params.id, req.body),
      ),
  );

  r.delete(
    '/api/v1/opportunities/:id',
    { schema: { tags, summary: 'Delete an opportunity', params: idParam } },
    async (req, reply) => {
      await service.deleteOpportunity(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
