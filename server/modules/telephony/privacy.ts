// The telephony module's part of the data-subject rights (issue 19): a contact's calls in its
// export (by contact, or by its phone), the phone removed on erasure (times, durations, stages and
// the call rollup stay), and a client with calls is not deleted.
import type { Ctx, OrgScope } from '../../context.ts';
import { clientInUse } from '../clients/index.ts';
import type { ContactErasing, ContactExporting, ContactSubject } from '../clients/index.ts';
import { normalisePhone } from './phone.ts';

function ofContact(s: OrgScope, e: ContactSubject) {
  const phone = normalisePhone(e.phone);
  return s.db
    .selectFrom('calls')
    .where('org_id', '=', s.orgId)
    .where((w) =>
      phone
        ? w.or([w('contact_id', '=', e.contactId), w('client_phone', '=', phone)])
        : w('contact_id', '=', e.contactId),
    );
}

export async function exportCalls(s: OrgScope, e: ContactExporting): Promise<void> {
  const rows = await ofContact(s, e).selectAll().orderBy('started_at').execute();
  e.sections.push({
    key: 'calls',
    title: { ru: 'Звонки', en: 'Calls' },
    items: rows.map((c) => ({
      id: c.id,
      startedAt: c.started_at,
      direction: c.direction,
      answered: c.answered === 1,
      waitSeconds: c.wait_seconds,
      durationSeconds: c.duration_seconds,
      phone: c.client_phone,
      stage: c.stage,
    })),
  });
}

export async function eraseCalls(s: Ctx, e: ContactErasing): Promise<void> {
  const ids = (await ofContact(s, e).select('id').execute()).map((r) => r.id);
  if (ids.length === 0) return;
  await s.db
    .updateTable('calls')
    .set({ client_phone: null })
    .where('org_id', '=', s.orgId)
    .where('id', 'in', ids)
    .execute();
  e.counts['calls'] = ids.length;
}

export async function refuseClientWithCalls(s: OrgScope, clientId: string): Promise<void> {
  const row = await s.db
    .selectFrom('calls')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('client_id', '=', clientId)
    .limit(1)
    .executeTakeFirst();
  if (row) throw clientInUse('calls');
}
