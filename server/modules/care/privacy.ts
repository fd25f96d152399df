// The care module's part of the data-subject rights (issue 19): a contact's important dates
// (birthdays, anniversaries) in its export, deleted on erasure (personal, no aggregate reads them).
import type { Ctx, OrgScope } from '../../context.ts';
import type { ContactErasing, ContactExporting } from '../clients/index.ts';

export async function exportDates(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = await s.db
    .selectFrom('important_dates')
    .selectAll()
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .orderBy('date')
    .execute();
  e.sections.push({
    key: 'important_dates',
    title: { ru: 'Важные даты', en: 'Important dates' },
    items: rows.map((d) => ({ id: d.id, kind: d.kind, date: d.date, title: d.title })),
  });
}

export async function eraseDates(s: Ctx, e: ContactErasing): Promise<void> {
  const res = await s.db
    .deleteFrom('important_dates')
    .where('org_id', '=', s.orgId)
    .where('contact_id', '=', e.contactId)
    .executeTakeFirst();
  e.counts['important_dates'] = Number(res.numDeletedRows);
}
