// HTTP for e-mail in: the inbound address and the quarantine. parse → service → present → reply.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/inbound.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { InboundMessagesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as inbound from './inbound.service.ts';

export const presentInboundMessage = (m: InboundMessagesTable): api.InboundMessageOut => ({
  id: m.id,
  fromAddress: m.from_address,
  fromName: m.from_name,
  subject: m.subject,
  text: m.text,
  status: m.status,
  feedbackId: m.feedback_id,
  receivedAt: m.received_at,
  decidedAt: m.decided_at,
});

export function registerInboundRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbound'];
  r.get(
    '/api/v1/inbound/address',
    {
      schema: {
        tags,
        summary: "The organisation's inbound e-mail address (made on first request)",
        response: { 200: api.inboundAddressOut },
      },
    },
    async (req) => inbound.getInboundAddress(ctxOf(deps, req)),
  );
  r.get(
    '/api/v1/inbound/quarantine',
    {
      schema: {
        tags,
        summary: 'Mail from unknown senders waiting for a decision, newest first',
        querystring: api.listQuarantineQuery,
        response: { 200: page(api.inboundMessageOut) },
      },
    },
    async (req) => {
      const result = await inbound.listQuarantine(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentInboundMessage), nextCursor: result.nextCursor };
    },
  );
  r.post(
    '/api/v1/inbound/quarantine/:id/accept',
    {
      schema: {
        tags,
        summary:
          'Accept: the sender becomes a contact and the mail becomes feedback; 409 if already decided',
        params: idParam,
        response: { 200: api.inboundMessageOut },
      },
    },
    async (req) =>
      presentInboundMessage(await inbound.acceptQuarantined(ctxOf(deps, req), req.params.id)),
  );
  r.post(
    '/api/v1/inbound/quarantine/:id/discard',
    {
      schema: {
        tags,
        summary: 'Discard the mail; 409 if already decided',
        params: idParam,
        response: { 200: api.inboundMessageOut },
      },
    },
    async (req) =>
      presentInboundMessage(await inbound.discardQuarantined(ctxOf(deps, req), req.params.id)),
  );
}
