// Use-cases for a client's contacts (people with roles, language, preferences), and the row a
// new contact becomes, shared with the intake matching in parties.service.ts.
import { inTransaction, type Ctx } from '../../context.ts';
import type { ContactRole, ContactsTable, Language, PreferredChannel } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { CONTACT_ROLES } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './clients.repo.ts';
import { contactErased } from './contact-events.ts';
import { listContactsByIds } from './contacts-bulk.repo.ts';
import { withSubscription, type ContactView } from './subscriptions.service.ts';

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

export async function insertNewContact(
  ctx: Ctx,
  clientId: string,
  input: ContactInput,
): Promise<ContactsTable> {
  const row = newContactRow(ctx, clientId, input);
  await repo.insertContact(ctx.db, row);
  return row;
}

export function newContactRow(
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

export async function listContacts(ctx: Ctx, clientId: string): Promise<ContactView[]> {
  assertCan(ctx.actor, 'data.read');
  await repo.getClient(ctx.db, ctx.orgId, clientId);
  return withSubscription(ctx, await repo.listContacts(ctx.db, ctx.orgId, clientId));
}

export async function getContact(ctx: Ctx, id: string): Promise<ContactView> {
  assertCan(ctx.actor, 'data.read');
  const [view] = await withSubscription(ctx, [await repo.getContact(ctx.db, ctx.orgId, id)]);
  return view!;
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
    if ((await repo.getContact(tx.db, tx.orgId, id)).erased_at) throw contactErased();
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
    const [view] = await withSubscription(tx, [await repo.getContact(tx.db, tx.orgId, id)]);
    return view!;
  });
}

/**
 * Adds and removes roles on many contacts at once (issue 17), all or nothing: one id that is not
 * a contact of the organisation → 404 and no contact changes. Roles keep the vocabulary's order.
 */
export async function changeContactRoles(
  ctx: Ctx,
  input: { contactIds: string[]; add: ContactRole[]; remove: ContactRole[] },
): Promise<ContactView[]> {
  assertCan(ctx.actor, 'data.write');
  const ids = [...new Set(input.contactIds)];
  return inTransaction(ctx, async (tx) => {
    const rows = await listContactsByIds(tx.db, tx.orgId, ids);
    if (rows.length !== ids.length) throw unknownReference('body.contactIds', 'contact');
    const now = tx.clock.now().toISOString();
    const changed: string[] = [];
    for (const row of rows) {
      const before = JSON.parse(row.roles) as ContactRole[];
      const wanted = new Set([...before, ...input.add].filter((r) => !input.remove.includes(r)));
      const roles = CONTACT_ROLES.filter((r) => wanted.has(r));
      if (JSON.stringify(roles) === JSON.stringify(before)) continue;
      await repo.updateContact(tx.db, tx.orgId, row.id, {
        roles: JSON.stringify(roles),
        updated_at: now,
      });
      changed.push(row.id);
    }
    await recordAudit(tx, 'contact.roles_changed', undefined, {
      contactIds: changed,
      add: input.add,
      remove: input.remove,
    });
    return withSubscription(tx, await listContactsByIds(tx.db, tx.orgId, ids));
  });
}
