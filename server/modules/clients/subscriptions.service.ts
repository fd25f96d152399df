// The unsubscribe list (issue 15): a contact who followed the link in one of our e-mails gets no
// more notifications we start (status, closing, follow-up, survey invitations; the messaging
// module decides which kinds, see SUPPRESSIBLE_MESSAGE_KINDS). An admin can put a contact back on
// the contact's own request, audited. The list belongs to clients because it is a fact about
// a contact; messaging reads it through the index.
import { inTransaction, type Ctx, type OrgScope } from '../../context.ts';
import type { ContactsTable } from '../../db/types.ts';
import type { UnsubscribeSource } from '../../../shared/domain/vocabulary.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './clients.repo.ts';
import { contactErased } from './contact-events.ts';
import { erasedAt } from './contact-rights.repo.ts';

/** On the list, or erased (issue 19: an erased contact is never written to again). */
async function offList(s: OrgScope, ids: readonly string[]): Promise<Map<string, string>> {
  const at = await repo.unsubscribedAt(s.db, s.orgId, ids);
  for (const [id, when] of await erasedAt(s.db, s.orgId, ids)) if (!at.has(id)) at.set(id, when);
  return at;
}

/** A contact with the time it unsubscribed (null: it gets every message). */
export type ContactView = ContactsTable & { unsubscribed_at: string | null };

/** Contacts with their unsubscribe state, read with one query. */
export async function withSubscription(
  s: OrgScope,
  rows: readonly ContactsTable[],
): Promise<ContactView[]> {
  const at = await offList(
    s,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, unsubscribed_at: at.get(r.id) ?? null }));
}

/** The ids among `contactIds` on the unsubscribe list. No role check: callers have checked. */
export async function unsubscribedContactIds(
  s: OrgScope,
  contactIds: readonly string[],
): Promise<Set<string>> {
  return new Set((await offList(s, contactIds)).keys());
}

/**
 * Puts a contact on the list. The caller proved the contact's consent (a signed link), so there
 * is no role check; the audit entry names the system as actor. Returns false when the id names
 * no contact of the organisation. A second unsubscribe keeps the first row and its time.
 */
export async function unsubscribeContact(
  ctx: Ctx,
  contactId: string,
  source: UnsubscribeSource,
): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.findContact(tx.db, tx.orgId, contactId))) return false;
    const added = await repo.insertUnsubscribe(tx.db, {
      id: newId(),
      org_id: tx.orgId,
      contact_id: contactId,
      scope: 'all',
      source,
      created_at: tx.clock.now().toISOString(),
    });
    if (added)
      await recordAudit(tx, 'contact.unsubscribed', { type: 'contact', id: contactId }, { source });
    return true;
  });
}

/** Takes a contact off the list, at the contact's request (admins only, audited). */
export async function resubscribeContact(ctx: Ctx, contactId: string): Promise<ContactView> {
  assertCan(ctx.actor, 'org.manage');
  return inTransaction(ctx, async (tx) => {
    const contact = await repo.getContact(tx.db, tx.orgId, contactId);
    if (contact.erased_at) throw contactErased();
    const removed = await repo.deleteUnsubscribes(tx.db, tx.orgId, contactId);
    if (removed > 0)
      await recordAudit(tx, 'contact.resubscribed', { type: 'contact', id: contactId });
    return { ...contact, unsubscribed_at: null };
  });
}
