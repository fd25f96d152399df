// The inbound module's part of the data-subject rights (issue 19): the mail a contact sent us (by
// its address) in its export; on erasure the sender, subject and body go (the row stays, so the
// record or case it became keeps its history); a deleted case leaves its mail without the link.
import type { Ctx, OrgScope } from '../../context.ts';
import type { ContactErasing, ContactExporting } from '../clients/index.ts';

export async function exportInbound(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = e.email
    ? await s.db
        .selectFrom('inbound_messages')
        .selectAll()
        .where('org_id', '=', s.orgId)
        .where('from_address', '=', e.email)
        .orderBy('received_at')
        .execute()
    : [];
  e.sections.push({
    key: 'inbound',
    title: { ru: 'Входящие письма', en: 'Inbound mail' },
    items: rows.map((m) => ({
      id: m.id,
      from: m.from_address,
      fromName: m.from_name,
      subject: m.subject,
      text: m.text,
      status: m.status,
      receivedAt: m.received_at,
    })),
  });
}

export async function eraseInbound(s: Ctx, e: ContactErasing): Promise<void> {
  if (!e.email) return;
  const res = await s.db
    .updateTable('inbound_messages')
    .set({ from_address: '', from_name: null, subject: '', text: '' })
    .where('org_id', '=', s.orgId)
    .where('from_address', '=', e.email)
    .executeTakeFirst();
  e.counts['inbound'] = Number(res.numUpdatedRows);
}

export async function detachCase(s: OrgScope, caseId: string): Promise<void> {
  await s.db
    .updateTable('inbound_messages')
    .set({ case_id: null })
    .where('org_id', '=', s.orgId)
    .where('case_id', '=', caseId)
    .execute();
}
