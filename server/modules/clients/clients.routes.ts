import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../shared/api/clients.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { ClientsTable, ContactsTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { budgetOf } from './client-economics.ts';
import * as clients from './clients.service.ts';
import * as contacts from './contacts.service.ts';
import { resubscribeContact, type ContactView } from './subscriptions.service.ts';

export const presentClient = (c: ClientsTable): api.ClientOut => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  externalId: c.external_id,
  segment: c.segment,
  tier: c.tier ?? null,
  managerId: c.manager_id ?? null,
  status: c.status ?? 'active',
  corporateSpecifics: c.corporate_specifics ?? null,
  inn: c.inn ?? null,
  estimatedAnnualBudget: budgetOf(c),
  strategicFit: c.strategic_fit ?? null,
  createdAt: c.created_at,
  updatedAt: c.updated_at,
});

/** A contact read without its unsubscribe state (a plain row) shows null there. */
export const presentContact = (c: ContactsTable | ContactView): api.ContactOut => ({
  id: c.id,
  clientId: c.client_id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  language: c.language,
  roles: JSON.parse(c.roles) as api.ContactOut['roles'],
  externalId: c.external_id,
  preferences: c.preferences ?? null,
  preferredChannel: c.preferred_channel ?? null,
  preferredTime: c.preferred_time ?? null,
  unsubscribedAt: 'unsubscribed_at' in c ? c.unsubscribed_at : null,
  erasedAt: c.erased_at ?? null,
  createdAt: c.created_at,
});

export function registerClientRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clients'];

  r.post(
    '/api/v1/clients',
    {
      schema: {
        tags,
        summary: 'Create a client (company or person)',
        body: api.createClientBody,
        response: { 201: api.clientOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentClient(await clients.createClient(ctxOf(deps, req), req.body))),
  );
  r.get(
    '/api/v1/clients',
    {
      schema: {
        tags,
        summary:
          'Clients, with search (Cyrillic too) and segment, manager, status and strategic-fit filters',
        querystring: api.listClientsQuery,
        response: { 200: page(api.clientOut) },
      },
    },
    async (req) => {
      const result = await clients.listClients(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentClient), nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/clients/:id',
    { schema: { tags, params: idParam, response: { 200: api.clientOut } } },
    async (req) => presentClient(await clients.getClient(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/clients/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: api.updateClientBody,
        response: { 200: api.clientOut },
      },
    },
    async (req) =>
      presentClient(await clients.updateClient(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/clients/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact person to a client',
        params: idParam,
        body: api.createContactBody,
        response: { 201: api.contactOut },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(presentContact(await contacts.addContact(ctxOf(deps, req), req.params.id, req.body))),
  );
  r.get(
    '/api/v1/clients/:id/contacts',
    {
      schema: {
        tags,
        params: idParam,
        response: { 200: z.object({ items: z.array(api.contactOut) }) },
      },
    },
    async (req) => ({
      items: (await contacts.listContacts(ctxOf(deps, req), req.params.id)).map(presentContact),
    }),
  );
  r.get(
    '/api/v1/contacts/:id',
    { schema: { tags, params: idParam, response: { 200: api.contactOut } } },
    async (req) => presentContact(await contacts.getContact(ctxOf(deps, req), req.params.id)),
  );
  r.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        params: idParam,
        body: api.updateContactBody,
        response: { 200: api.contactOut },
      },
    },
    async (req) =>
      presentContact(await contacts.updateContact(ctxOf(deps, req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/contacts/roles',
    {
      schema: {
        tags,
        summary:
          'Add and remove roles on many contacts at once; one id not of this organisation → 404, nothing changed',
        body: api.contactRolesBody,
        response: { 200: z.object({ items: z.array(api.contactOut) }) },
      },
    },
    async (req) => ({
      items: (await contacts.changeContactRoles(ctxOf(deps, req), req.body)).map(presentContact),
    }),
  );
  r.post(
    '/api/v1/contacts/:id/resubscribe',
    {
      schema: {
        tags,
        summary:
          "Take a contact off the unsubscribe list at the contact's request (admins, audited)",
        params: idParam,
        response: { 200: api.contactOut },
      },
    },
    async (req) => presentContact(await resubscribeContact(ctxOf(deps, req), req.params.id)),
  );
}
