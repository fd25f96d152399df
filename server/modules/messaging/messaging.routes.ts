import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/messaging.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { MessagesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import * as messaging from './messaging.service.ts';
import { shownCopyOf } from './secret-links.ts';

export const presentMessage = (m: MessagesTable): api.MessageOut => ({
  id: m.id,
  kind: m.kind,
  channel: 'email',
  to: m.to_address,
  language: m.language,
  subject: m.subject,
  body: shownCopyOf(m.kind, m.body_text),
  status: m.status,
  attempts: m.attempts,
  lastError: m.last_error,
  feedbackId: m.feedback_id,
  caseId: m.case_id,
  clientId: m.client_id,
  sentAt: m.sent_at,
  createdAt: m.created_at,
});

export function registerMessagingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  r.get(
    '/api/v1/messages',
    {
      schema: {
        tags,
        summary: 'Outbound messages (the outbox) with delivery state',
        querystring: api.listMessagesQuery,
        response: { 200: page(api.messageOut) },
      },
    },
    async (req) => {
      const result = await messaging.listMessages(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentMessage), nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/messages/:id',
    { schema: { tags, params: idParam, response: { 200: api.messageOut } } },
    async (req) => presentMessage(await messaging.getMessage(ctxOf(deps, req), req.params.id)),
  );
  r.get(
    '/api/v1/templates',
    {
      schema: {
        tags,
        summary: 'Message templates per kind and language (built-in unless customised)',
        response: { 200: z.object({ items: z.array(api.templateOut) }) },
      },
    },
    async (req) => ({
      items: await messaging.listTemplates(ctxOf(deps, req)),
    }),
  );
  r.put(
    '/api/v1/templates/:kind/:language',
    {
      schema: {
        tags,
        summary: 'Customise a template',
        params: api.templateParams,
        body: api.templateBody,
        response: { 200: api.templateOut },
      },
    },
    async (req) =>
      messaging.saveTemplate(ctxOf(deps, req), req.params.kind, req.params.language, req.body),
  );
  r.delete(
    '/api/v1/templates/:kind/:language',
    {
      schema: {
        tags,
        summary: 'Return a template to the built-in text',
        params: api.templateParams,
        response: { 200: api.templateOut },
      },
    },
    async (req) => messaging.resetTemplate(ctxOf(deps, req), req.params.kind, req.params.language),
  );
}
