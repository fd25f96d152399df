// HTTP for outbound webhooks and their delivery log: parse → service → present → reply.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/webhooks.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { pageQuery } from '../../lib/paging.ts';
import type { WebhookNetwork } from '../../lib/net/network.ts';
import { presentDelivery, presentWebhook } from './webhooks.present.ts';
import * as webhooks from './webhooks.service.ts';

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export function registerWebhookRoutes(app: FastifyInstance, deps: Deps, net: WebhookNetwork): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  r.get(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Outbound webhooks of the organisation (admins)',
        response: { 200: z.object({ items: z.array(api.webhookOut) }) },
      },
    },
    async (req) => ({
      items: (await webhooks.listWebhooks(ctxOf(deps, req))).map(presentWebhook),
    }),
  );
  r.post(
    '/api/v1/webhooks',
    {
      schema: {
        tags,
        summary: 'Create a webhook; its signing secret is in this response only',
        body: api.createWebhookBody,
        response: { 201: api.createdWebhookOut },
      },
    },
    async (req, reply) => {
      const { webhook, secret } = await webhooks.createWebhook(ctxOf(deps, req), req.body, net);
      return reply.status(201).send({ ...presentWebhook(webhook), secret });
    },
  );
  r.get(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'One webhook',
        params: api.webhookIdParam,
        response: { 200: api.webhookOut },
      },
    },
    async (req) => presentWebhook(await webhooks.getWebhook(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change the URL, events, active flag or allowed private host',
        params: api.webhookIdParam,
        body: api.updateWebhookBody,
        response: { 200: api.webhookOut },
      },
    },
    async (req) =>
      presentWebhook(await webhooks.updateWebhook(ctxOf(deps, req), req.params.id, req.body, net)),
  );
  r.delete(
    '/api/v1/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook and its delivery log',
        params: api.webhookIdParam,
      },
    },
    async (req, reply) => {
      await webhooks.deleteWebhook(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Deliveries of a webhook, newest first',
        params: api.webhookIdParam,
        querystring: pageQuery,
        response: { 200: page(api.deliveryOut) },
      },
    },
    async (req) => {
      const result = await webhooks.listDeliveries(ctxOf(deps, req), req.params.id, req.query);
      return { items: result.items.map(presentDelivery), nextCursor: result.nextCursor };
    },
  );
  r.post(
    '/api/v1/webhooks/:id/deliveries/:deliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Send a failed delivery again',
        params: api.deliveryIdParams,
        response: { 202: api.deliveryOut },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          presentDelivery(
            await webhooks.retryDelivery(ctxOf(deps, req), req.params.id, req.params.deliveryId),
          ),
        ),
  );
}
