// The messaging module's part of the data-subject rights (issue 19): the messages sent (or
// queued) to a contact in its export; on erasure their address, subject and text go and anything
// still queued is never sent.
import type { Ctx, OrgScope } from '../../context.ts';
import { shownCopyOf } from './secret-links.ts';
import type { ContactErasing, ContactExporting, ContactSubject } from '../clients/index.ts';

export const ERASED_ERROR = 'the contact was erased';

function ofContact(s: OrgScope, e: ContactSubject) {
  return s.db
    .selectFrom('messages')
    .where('org_id', '=', s.orgId)
    .where((w) =>
      e.email
        ? w.or([w('contact_id', '=', e.contactId), w('to_address', '=', e.email)])
        : w('contact_id', '=', e.contactId),
    );
}

export async function exportMessages(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = await ofContact(s, e).selectAll().orderBy('created_at').execute();
  e.sections.push({
    key: 'messages',
    title: { ru: 'Отправленные сообщения', en: 'Messages sent' },
    items: rows.map((m) => ({
      id: m.id,
      kind: m.kind,
      to: m.to_address,
      language: m.language,
      subject: m.subject,
      text: shownCopyOf(m.kind, m.body_text),
      status: m.status,
      sentAt: m.sent_at,
      createdAt: m.created_at,
    })),
  });
}

export async function eraseMessages(s: Ctx, e: ContactErasing): Promise<void> {
  const ids = (await ofContact(s, e).select('id').execute()).map((r) => r.id);
  if (ids.length === 0) return;
  await s.db
    .updateTable('messages')
    .set({ to_address: '', subject: '', body_text: '' })
    .where('org_id', '=', s.orgId)
    .where('id', 'in', ids)
    .execute();
  // Whatever was still waiting is never sent (the send job sees the mark).
  await s.db
    .updateTable('messages')
    .set({ status: 'not_sent', last_error: ERASED_ERROR })
    .where('org_id', '=', s.orgId)
    .where('id', 'in', ids)
    .where('status', '<>', 'sent')
    .execute();
  e.counts['messages'] = ids.length;
}

/**
 * Messages about records of an erased contact (a new-case mail to its owner quotes the text):
 * their subject and text go; called by the modules that own those records (above messaging).
 */
export async function eraseMessagesAbout(
  s: OrgScope,
  about: { feedbackIds?: readonly string[]; caseIds?: readonly string[] },
): Promise<number> {
  const f = about.feedbackIds ?? [];
  const c = about.caseIds ?? [];
  if (f.length + c.length === 0) return 0;
  const res = await s.db
    .updateTable('messages')
    .set({ subject: '', body_text: '' })
    .where('org_id', '=', s.orgId)
    .where((w) =>
      w.or([
        ...(f.length ? [w('feedback_id', 'in', [...f])] : []),
        ...(c.length ? [w('case_id', 'in', [...c])] : []),
      ]),
    )
    .where((w) => w.or([w('subject', '<>', ''), w('body_text', '<>', '')]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
