// Data-subject rights on a contact (issue 19, 152-FZ / GDPR): export everything known about it,
// erase it (personal fields and free texts gone, scores and every rollup kept), and the admins'
// deletions of contacts and clients. Each module contributes its own rows through the hooks in
// contact-events.ts; everything here is admins only and audited without the personal data.
import { inTransaction, type Ctx } from '../../context.ts';
import type { ContactsTable } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './clients.repo.ts';
import * as rights from './contact-rights.repo.ts';
import {
  clientDeleting,
  contactDeleting,
  contactErasing,
  contactExporting,
  type ContactSubject,
  type ExportSection,
} from './contact-events.ts';
import { withSubscription, type ContactView } from './subscriptions.service.ts';

export interface ContactExport {
  exportedAt: string;
  contact: Record<string, unknown>;
  client: Record<string, unknown>;
  sections: ExportSection[];
  /** The contact's language, for the HTML page's default. */
  language: ContactsTable['language'];
}

/** Sections in the order a person reads them; a module's new section goes last. */
const ORDER = ['feedback', 'cases', 'messages', 'inbound', 'calls', 'survey_invitations'];
const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

const subjectOf = (c: ContactsTable): ContactSubject => ({
  contactId: c.id,
  clientId: c.client_id,
  email: c.email?.toLowerCase() ?? null,
  phone: c.phone,
});

/** Everything the organisation holds about one contact, module by module (audited). */
export async function exportContact(
  ctx: Ctx,
  id: string,
  format: 'json' | 'html',
): Promise<ContactExport> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const [contact] = await withSubscription(tx, [await repo.getContact(tx.db, tx.orgId, id)]);
    const client = await repo.getClient(tx.db, tx.orgId, contact!.client_id);
    const event = { ...subjectOf(contact!), sections: [] as ExportSection[] };
    await contactExporting.emit(tx, event);
    await recordAudit(tx, 'contact.exported', { type: 'contact', id }, { format });
    const c = contact!;
    return {
      exportedAt: tx.clock.now().toISOString(),
      language: c.language,
      contact: {
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        language: c.language,
        roles: JSON.parse(c.roles) as string[],
        externalId: c.external_id,
        preferences: c.preferences ?? null,
        preferredChannel: c.preferred_channel ?? null,
        preferredTime: c.preferred_time ?? null,
        unsubscribedAt: c.unsubscribed_at,
        erasedAt: c.erased_at ?? null,
        createdAt: c.created_at,
        updatedAt: c.updated_at,
      },
      client: {
        id: client.id,
        name: client.name,
        kind: client.kind,
        externalId: client.external_id,
        segment: client.segment,
        inn: client.inn ?? null,
        createdAt: client.created_at,
      },
      sections: [...event.sections].sort((a, b) => rank(a.key) - rank(b.key)),
    };
  });
}

async function eraseIn(tx: Ctx, contact: ContactsTable): Promise<Record<string, number>> {
  const event = { ...subjectOf(contact), counts: {} as Record<string, number> };
  await contactErasing.emit(tx, event);
  await rights.anonymiseContact(tx.db, tx.orgId, contact.id, tx.clock.now().toISOString());
  // The audit entry names the contact's id and what changed, never the erased data.
  await recordAudit(tx, 'contact.erased', { type: 'contact', id: contact.id }, event.counts);
  return event.counts;
}

/**
 * Erases a contact: its name, e-mail, phone, preferences and every free text about it (feedback
 * texts, case replies and notes, inbound mail, messages sent) are removed; scores, stages and times
 * stay, so NPS and every rollup read the same. Idempotent: an erased contact is returned as it is.
 */
export async function eraseContact(
  ctx: Ctx,
  id: string,
): Promise<{ contact: ContactView; counts: Record<string, number> }> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const contact = await repo.getContact(tx.db, tx.orgId, id);
    const counts = contact.erased_at ? {} : await eraseIn(tx, contact);
    const [view] = await withSubscription(tx, [await repo.getContact(tx.db, tx.orgId, id)]);
    return { contact: view!, counts };
  });
}

/** Deletes a contact: erased first (its records stay, anonymous, with their scores), then removed. */
export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    const contact = await repo.getContact(tx.db, tx.orgId, id);
    if (!contact.erased_at) await eraseIn(tx, contact);
    await contactDeleting.emit(tx, { contactId: id });
    await rights.deleteContact(tx.db, tx.orgId, id);
    await recordAudit(tx, 'contact.deleted', { type: 'contact', id });
  });
}

/**
 * Deletes a client with no records left (a module whose rows name it answers 409
 * client_in_use): its contacts are erased and deleted, its card data goes with it.
 */
export async function deleteClient(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'org.manage');
  await inTransaction(ctx, async (tx) => {
    await repo.getClient(tx.db, tx.orgId, id);
    await clientDeleting.emit(tx, { clientId: id });
    for (const contactId of await rights.contactIdsOfClient(tx.db, tx.orgId, id)) {
      const contact = await repo.getContact(tx.db, tx.orgId, contactId);
      if (!contact.erased_at) await eraseIn(tx, contact);
      await contactDeleting.emit(tx, { contactId });
    }
    await rights.deleteClient(tx.db, tx.orgId, id);
    await recordAudit(tx, 'client.deleted', { type: 'client', id });
  });
}
