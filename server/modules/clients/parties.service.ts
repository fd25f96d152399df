// The matching intake channels rely on: a client named by id or by external id (created when
// unknown), a contact found by e-mail (created when new), and the set-based variant an intake
// group uses (rows collected, then written together). Plus the reads other modules need.
import type { Ctx } from '../../context.ts';
import type { ClientsTable, ContactsTable } from '../../db/types.ts';
import { unknownReference } from '../../http/errors.ts';
import * as repo from './clients.repo.ts';
import * as bulkRepo from './parties-bulk.repo.ts';
import { emitRegrouped, groupOf } from './client-groups.ts';
import {
  insertNewClient,
  newClientRow,
  searchTextOf,
  type ClientInput,
} from './clients.service.ts';
import { insertNewContact, newContactRow, type ContactInput } from './contacts.service.ts';

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

/** The clients an intake group names by external id, in one query (external ids are unique). */
export async function findClientsByExternalIds(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  externalIds: readonly string[],
): Promise<Map<string, ClientsTable>> {
  const rows = await bulkRepo.findClientsByExternalIds(ctx.db, ctx.orgId, externalIds);
  return new Map(rows.map((r) => [r.external_id!, r]));
}

/**
 * resolveClient for a record of an intake group: a client named by external id comes from
 * `byExternalId` (the group's one lookup); a client to create is a row, joined to `pending` and
 * to `byExternalId` by `keep()` once the record's other checks passed (nothing of a failed
 * record is written). insertPendingParties writes it before the group's contacts and records.
 */
export async function resolveClientOfGroup(
  ctx: Ctx,
  ref: { clientId?: string; client?: ClientInput },
  byExternalId: Map<string, ClientsTable>,
  pending: PendingParties,
): Promise<{ client: ClientsTable | undefined; keep: () => void }> {
  const none = () => {};
  if (ref.clientId || !ref.client) return { client: await resolveClient(ctx, ref), keep: none };
  const externalId = ref.client.externalId;
  const found = externalId ? byExternalId.get(externalId) : undefined;
  if (found) return { client: found, keep: none };
  const row = newClientRow(ctx, ref.client);
  return {
    client: row,
    keep: () => {
      pending.clients.push(row);
      if (externalId) byExternalId.set(externalId, row);
    },
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

/** For modules that only need to read a contact or client by id (no role check: caller checked). */
export const findContact = (ctx: Pick<Ctx, 'db' | 'orgId'>, id: string) =>
  repo.findContact(ctx.db, ctx.orgId, id);
export const findClient = (ctx: Pick<Ctx, 'db' | 'orgId'>, id: string) =>
  repo.findClient(ctx.db, ctx.orgId, id);
export const findClients = (ctx: Pick<Ctx, 'db' | 'orgId'>, ids: readonly string[]) =>
  bulkRepo.findClientsByIds(ctx.db, ctx.orgId, ids);
export const findContactByEmail = (ctx: Pick<Ctx, 'db' | 'orgId'>, email: string) =>
  repo.findContactByEmail(ctx.db, ctx.orgId, email);
export const findContactsByEmails = (ctx: Pick<Ctx, 'db' | 'orgId'>, emails: readonly string[]) =>
  repo.findContactsByEmails(ctx.db, ctx.orgId, emails);

/** An existing client by external id, INN or exact name (imports match on these; no role check). */
export async function findClientByKey(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  key: { externalId: string } | { inn: string } | { name: string },
): Promise<ClientsTable | undefined> {
  if ('externalId' in key) return repo.findClientByExternalId(ctx.db, ctx.orgId, key.externalId);
  return repo.findClientBy(ctx.db, ctx.orgId, key);
}

/** A new client written inside the caller's transaction (the caller checked the role). */
export const insertClientRecord = (ctx: Ctx, input: ClientInput) => insertNewClient(ctx, input);

/** Name, segment, INN or external id of a client an import matched; no audit (the import has one). */
export async function patchClientRecord(
  ctx: Ctx,
  current: ClientsTable,
  patch: { name?: string; segment?: string; inn?: string; externalId?: string },
): Promise<ClientsTable> {
  const next: ClientsTable = {
    ...current,
    name: patch.name ?? current.name,
    segment: patch.segment ?? current.segment,
    inn: patch.inn ?? current.inn ?? null,
    external_id: patch.externalId ?? current.external_id,
  };
  next.search_text = searchTextOf(next);
  next.updated_at = ctx.clock.now().toISOString();
  const { name, segment, inn, external_id, search_text, updated_at } = next;
  await repo.updateClient(ctx.db, ctx.orgId, current.id, {
    name,
    segment,
    inn,
    external_id,
    search_text,
    updated_at,
  });
  await emitRegrouped(ctx, current.id, groupOf(current), groupOf(next));
  return next;
}

/** A client's contact of exactly this name (imports match contacts without an e-mail so). */
export async function findClientContactByName(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  clientId: string,
  name: string,
): Promise<ContactsTable | undefined> {
  return (await repo.listContacts(ctx.db, ctx.orgId, clientId)).find((c) => c.name === name);
}

/** A new contact under a client, inside the caller's transaction. */
export const insertContactRecord = (ctx: Ctx, clientId: string, input: ContactInput) =>
  insertNewContact(ctx, clientId, input);

/** Fields of a contact an import matched by e-mail; only those the file gives. */
export async function patchContactRecord(
  ctx: Ctx,
  id: string,
  patch: Pick<ContactInput, 'name' | 'phone' | 'language' | 'roles'>,
): Promise<void> {
  await repo.updateContact(ctx.db, ctx.orgId, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    ...(patch.language !== undefined ? { language: patch.language } : {}),
    ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
    updated_at: ctx.clock.now().toISOString(),
  });
}
