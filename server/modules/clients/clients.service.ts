// Use-cases for clients and contacts, including the matching that intake channels rely on:
// a client named by id or by external id (created when unknown), a contact found by e-mail.
import { inTransaction, type Ctx } from '../../context.ts';
import type { ClientsTable, ClientStatus, ContactsTable, Language } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findUser, recordAudit } from '../orgs/index.ts';
import * as repo from './clients.repo.ts';

export type ContactRole = 'decision_maker' | 'influencer' | 'user' | 'payer';

export interface ClientInput {
  name: string;
  externalId?: string;
  segment?: string;
  kind?: 'company' | 'person';
  tier?: string;
  managerId?: string;
  status?: ClientStatus;
  corporateSpecifics?: string;
}

export type PreferredChannel = 'email' | 'phone' | 'messenger' | 'meeting';

export interface ContactInput {
  name?: string;
  email?: string;
  phone?: string;
  language?: Language;
  roles?: ContactRole[];
  externalId?: string;
  preferences?: string;
  preferredChannel?: PreferredChannel;
  preferredTime?: string;
}

/** A client's manager must be a person of the same organisation. */
async function assertManager(ctx: Ctx, managerId: string | null | undefined): Promise<void> {
  if (managerId && !(await findUser(ctx.db, ctx.orgId, managerId))) {
    throw unknownReference('body.managerId', 'user');
  }
}

/** Lower-cased with Russian rules, so Cyrillic search works on SQLite too. */
export function searchTextOf(c: Pick<ClientsTable, 'name' | 'external_id' | 'segment'>): string {
  return [c.name, c.external_id, c.segment]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е');
}

function normaliseQuery(q: string): string {
  return q.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

async function insertNewClient(ctx: Ctx, input: ClientInput): Promise<ClientsTable> {
  const row = newClientRow(ctx, input);
  await repo.insertClient(ctx.db, row);
  return row;
}

function newClientRow(ctx: Pick<Ctx, 'orgId' | 'clock'>, input: ClientInput): ClientsTable {
  const now = ctx.clock.now().toISOString();
  const row: ClientsTable = {
    id: newId(),
    org_id: ctx.orgId,
    name: input.name,
    kind: input.kind ?? 'company',
    external_id: input.externalId ?? null,
    segment: input.segment ?? null,
    search_text: '',
    created_at: now,
    updated_at: now,
    tier: input.tier ?? null,
    manager_id: input.managerId ?? null,
    status: input.status ?? 'active',
    corporate_specifics: input.corporateSpecifics ?? null,
  };
  row.search_text = searchTextOf(row);
  return row;
}

export async function createClient(ctx: Ctx, input: ClientInput): Promise<ClientsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    if (
      input.externalId &&
      (await repo.findClientByExternalId(tx.db, tx.orgId, input.externalId))
    ) {
      throw new AppError(
        'conflict',
        `A client with external id ${input.externalId} already exists`,
      );
    }
    await assertManager(tx, input.managerId);
    const row = await insertNewClient(tx, input);
    await recordAudit(tx, 'client.created', { type: 'client', id: row.id });
    return row;
  });
}

export async function getClient(ctx: Ctx, id: string): Promise<ClientsTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getClient(ctx.db, ctx.orgId, id);
}

export async function listClients(
  ctx: Ctx,
  query: {
    q?: string;
    segment?: string;
    managerId?: string;
    status?: ClientStatus;
    cursor?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listClients(ctx.db, ctx.orgId, {
    q: query.q ? normaliseQuery(query.q) : undefined,
    segment: query.segment,
    managerId: query.managerId,
    status: query.status,
    afterId: decodeCursor(query.cursor),
    limit: query.limit,
  });
  return toPage(rows, query.limit);
}

export interface ClientPatch {
  name?: string;
  externalId?: string | null;
  segment?: string | null;
  kind?: 'company' | 'person';
  tier?: string | null;
  managerId?: string | null;
  status?: ClientStatus;
  corporateSpecifics?: string | null;
}

export async function updateClient(ctx: Ctx, id: string, patch: ClientPatch) {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getClient(tx.db, tx.orgId, id);
    if (patch.externalId && patch.externalId !== current.external_id) {
      const other = await repo.findClientByExternalId(tx.db, tx.orgId, patch.externalId);
      if (other)
        throw new AppError(
          'conflict',
          `A client with external id ${patch.externalId} already exists`,
        );
    }
    await assertManager(tx, patch.managerId);
    const next = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.externalId !== undefined ? { external_id: patch.externalId } : {}),
      ...(patch.segment !== undefined ? { segment: patch.segment } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    };
    const card = {
      ...(patch.tier !== undefined ? { tier: patch.tier } : {}),
      ...(patch.managerId !== undefined ? { manager_id: patch.managerId } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.corporateSpecifics !== undefined
        ? { corporate_specifics: patch.corporateSpecifics }
        : {}),
    };
    await repo.updateClient(tx.db, tx.orgId, id, {
      name: next.name,
      external_id: next.external_id,
      segment: next.segment,
      kind: next.kind,
      ...card,
      search_text: searchTextOf(next),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(tx, 'client.updated', { type: 'client', id }, { fields: Object.keys(patch) });
    return repo.getClient(tx.db, tx.orgId, id);
  });
}

/**
 * The client an intake record names: by id (must exist in this org), or by external id (found,
 * else created with the given name). Runs inside the caller's transaction; no role check (the
 * caller's intake service checked it).
 */
export async function resolveClient(
  ctx: Ctx,
  ref: { clientId?: string; client?: ClientInput },
): Promise<ClientsTable | undefined> {
  if (ref.clientId) {
    const row = await repo.findClient(ctx.db, ctx.orgId, ref.clientId);
    if (!row) throw unknownReference('body.clientId', 'client');
    return row;
  }
  if (!ref.client) return undefined;
  if (ref.client.externalId) {
    const found = await repo.findClientByExternalId(ctx.db, ctx.orgId, ref.client.externalId);
    if (found) return found;
  }
  return insertNewClient(ctx, ref.client);
}

async function insertNewContact(
  ctx: Ctx,
  clientId: string,
  input: ContactInput,
): Promise<ContactsTable> {
  const row = newContactRow(ctx, clientId, input);
  await repo.insertContact(ctx.db, row);
  return row;
}

function newContactRow(
  ctx: Pick<Ctx, 'orgId' | 'clock'>,
  clientId: string,
  input: ContactInput,
): ContactsTable {
  const now = ctx.clock.now().toISOString();
  return {
    id: newId(),
    org_id: ctx.orgId,
    client_id: clientId,
    name: input.name ?? input.email ?? input.phone ?? '—',
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    language: input.language ?? 'ru',
    roles: JSON.stringify(input.roles ?? []),
    external_id: input.externalId ?? null,
    created_at: now,
    updated_at: now,
    preferences: input.preferences ?? null,
    preferred_channel: input.preferredChannel ?? null,
    preferred_time: input.preferredTime ?? null,
  };
}

/** New clients and contacts an intake group writes together (multi-row) before its records. */
export interface PendingParties {
  clients: ClientsTable[];
  contacts: ContactsTable[];
}

/** Writes what `resolveContact` deferred; rows reference each other, so clients first. */
export async function insertPendingParties(
  ctx: Pick<Ctx, 'db'>,
  pending: PendingParties,
): Promise<void> {
  await repo.insertClients(ctx.db, pending.clients);
  await repo.insertContacts(ctx.db, pending.contacts);
  pending.clients.length = 0;
  pending.contacts.length = 0;
}

/**
 * The contact an intake record names: matched by e-mail within the organisation, else created
 * under the client (a person-client is created for an unknown sender without a client).
 */
export async function resolveContact(
  ctx: Ctx,
  clientId: string | undefined,
  input: ContactInput | undefined,
): Promise<ContactsTable | undefined> {
  if (!input || (!input.email && !input.phone && !input.name)) return undefined;
  if (input.email) {
    const found = await repo.findContactByEmail(ctx.db, ctx.orgId, input.email);
    if (found) return found;
  }
  const owner =
    clientId ??
    (
      await insertNewClient(ctx, {
        name: input.name ?? input.email ?? input.phone ?? '—',
        kind: 'person',
      })
    ).id;
  return insertNewContact(ctx, owner, input);
}

/**
 * A new contact (and person-client when no client is named) for a sender the caller already
 * knows to be new, collected in `pending` instead of written: insertPendingParties writes them.
 */
export function newContactFor(
  ctx: Pick<Ctx, 'orgId' | 'clock'>,
  clientId: string | undefined,
  input: ContactInput,
  pending: PendingParties,
): ContactsTable {
  let owner = clientId;
  if (!owner) {
    const person = newClientRow(ctx, {
      name: input.name ?? input.email ?? input.phone ?? '—',
      kind: 'person',
    });
    pending.clients.push(person);
    owner = person.id;
  }
  const contact = newContactRow(ctx, owner, input);
  pending.contacts.push(contact);
  return contact;
}

export async function addContact(
  ctx: Ctx,
  clientId: string,
  input: ContactInput & { name: string },
): Promise<ContactsTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    await repo.getClient(tx.db, tx.orgId, clientId);
    const row = await insertNewContact(tx, clientId, input);
    await recordAudit(tx, 'contact.created', { type: 'contact', id: row.id });
    return row;
  });
}

export async function listContacts(ctx: Ctx, clientId: string): Promise<ContactsTable[]> {
  assertCan(ctx.actor, 'data.read');
  await repo.getClient(ctx.db, ctx.orgId, clientId);
  return repo.listContacts(ctx.db, ctx.orgId, clientId);
}

export async function getContact(ctx: Ctx, id: string): Promise<ContactsTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getContact(ctx.db, ctx.orgId, id);
}

export interface ContactPatch {
  name?: string;
  email?: string | null;
  phone?: string | null;
  language?: Language;
  roles?: ContactRole[];
  preferences?: string | null;
  preferredChannel?: PreferredChannel | null;
  preferredTime?: string | null;
}

export async function updateContact(ctx: Ctx, id: string, patch: ContactPatch) {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    await repo.getContact(tx.db, tx.orgId, id);
    await repo.updateContact(tx.db, tx.orgId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email?.toLowerCase() ?? null } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
      ...(patch.preferences !== undefined ? { preferences: patch.preferences } : {}),
      ...(patch.preferredChannel !== undefined
        ? { preferred_channel: patch.preferredChannel }
        : {}),
      ...(patch.preferredTime !== undefined ? { preferred_time: patch.preferredTime } : {}),
      updated_at: tx.clock.now().toISOString(),
    });
    await recordAudit(
      tx,
      'contact.updated',
      { type: 'contact', id },
      { fields: Object.keys(patch) },
    );
    return repo.getContact(tx.db, tx.orgId, id);
  });
}

/** For modules that only need to read a contact or client by id (no role check: caller checked). */
export const findContact = (ctx: Pick<Ctx, 'db' | 'orgId'>, id: string) =>
  repo.findContact(ctx.db, ctx.orgId, id);
export const findClient = (ctx: Pick<Ctx, 'db' | 'orgId'>, id: string) =>
  repo.findClient(ctx.db, ctx.orgId, id);
export const findContactByEmail = (ctx: Pick<Ctx, 'db' | 'orgId'>, email: string) =>
  repo.findContactByEmail(ctx.db, ctx.orgId, email);
export const findContactsByEmails = (ctx: Pick<Ctx, 'db' | 'orgId'>, emails: readonly string[]) =>
  repo.findContactsByEmails(ctx.db, ctx.orgId, emails);
