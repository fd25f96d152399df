// Data-subject rights over HTTP (issue 19): a contact's export (JSON or a readable HTML page),
// its erasure, and the deletion of contacts and clients. Admins only (checked in the service).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../shared/api/orgs.ts';
import * as api from '../../../shared/api/privacy.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { contactExportPage } from './contact-export-html.ts';
import * as rights from './contact-rights.service.ts';
import { presentContact } from './clients.routes.ts';

export function registerContactRightsRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clients'];

  r.get(
    '/api/v1/contacts/:id/export',
    {
      schema: {
        tags,
        summary:
          'Everything held about one contact (152-FZ / GDPR), as JSON or a readable HTML page (admins, audited)',
        description:
          'JSON: { exportedAt, contact, client, sections: [{ key, title: { ru, en }, items }] }, one section per kind of record (feedback, cases, messages, invitations, calls, inbound mail …). `format=html` gives the same as one page in `lang` (the contact’s language by default).',
        params: idParam,
        querystring: api.contactExportQuery,
      },
    },
    async (req, reply) => {
      const data = await rights.exportContact(ctxOf(deps, req), req.params.id, req.query.format);
      const { language, ...out } = data;
      const name = `contact-${req.params.id}.${req.query.format}`;
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${name}"`);
      if (req.query.format === 'html')
        return reply
          .type('text/html; charset=utf-8')
          .send(contactExportPage(data, req.query.lang ?? language));
      return reply.type('application/json; charset=utf-8').send(out);
    },
  );
  r.post(
    '/api/v1/contacts/:id/erase',
    {
      schema: {
        tags,
        summary:
          'Erase a contact: name, e-mail, phone and every free text about it removed, scores kept; never mailed again (admins, audited, idempotent)',
        params: idParam,
        response: { 200: api.contactErasureOut },
      },
    },
    async (req) => {
      const out = await rights.eraseContact(ctxOf(deps, req), req.params.id);
      return { contact: presentContact(out.contact), counts: out.counts };
    },
  );
  r.delete(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a contact: erased first, its records stay anonymous with their scores (admins, audited)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await rights.deleteContact(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.delete(
    '/api/v1/clients/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a client without records (feedback, cases, transactions, calls → 409 client_in_use); its contacts are erased (admins, audited)',
        params: idParam,
      },
    },
    async (req, reply) => {
      await rights.deleteClient(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
