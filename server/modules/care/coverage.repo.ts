// Reads behind role coverage (coverage.ts): contacts with their roles, and each contact's latest
// touch across the loop's tables — plain grouped reads like reminders.repo.ts; nothing here
// writes to another module's tables. orgId first, always.
//
// A touch (docs/portfolio-contacts.md): feedback from the contact (received_at); a case with the
// contact (created_at); a reply a person wrote to the contact from a case, sent (sent_at); an
// answered call with the contact (started_at). Automatic mail (acknowledgements, status
// notices, survey invitations) is not a touch: it shows nothing about the relationship.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

/** Contacts of the given clients (all of the organisation's when `clientIds` is undefined). */
export async function contactsOf(db: DbOrTrx, orgId: string, clientIds?: readonly string[]) {
  if (clientIds && clientIds.length === 0) return [];
  let q = db
    .selectFrom('contacts')
    .select(['id', 'client_id', 'name', 'roles'])
    .where('org_id', '=', orgId);
  if (clientIds) q = q.where('client_id', 'in', [...clientIds]);
  return q.orderBy('name').orderBy('id').execute();
}

const isoOf = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** The newest touch per contact, for contacts of the given clients (all when undefined). */
export async function lastTouches(
  db: DbOrTrx,
  orgId: string,
  clientIds?: readonly string[],
): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  if (clientIds && clientIds.length === 0) return latest;
  const ids = clientIds ? [...clientIds] : undefined;
  // By the contact's own client: a reply or a call may not carry the client id.
  const ofClients = db
    .selectFrom('contacts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('client_id', 'in', ids ?? ['']);
  const note = (rows: { contact_id: string | null; at: unknown }[]) => {
    for (const r of rows) {
      if (!r.contact_id || r.at == null) continue;
      const at = isoOf(r.at);
      const prev = latest.get(r.contact_id);
      if (!prev || Date.parse(prev) < Date.parse(at)) latest.set(r.contact_id, at);
    }
  };
  let f = db
    .selectFrom('feedback')
    .select(['contact_id', sql<string>`max(received_at)`.as('at')])
    .where('org_id', '=', orgId)
    .where('contact_id', 'is not', null);
  if (ids) f = f.where('contact_id', 'in', ofClients);
  note(await f.groupBy('contact_id').execute());
  let c = db
    .selectFrom('cases')
    .select(['contact_id', sql<string>`max(created_at)`.as('at')])
    .where('org_id', '=', orgId)
    .where('contact_id', 'is not', null);
  if (ids) c = c.where('contact_id', 'in', ofClients);
  note(await c.groupBy('contact_id').execute());
  let m = db
    .selectFrom('messages')
    .select(['contact_id', sql<string>`max(sent_at)`.as('at')])
    .where('org_id', '=', orgId)
    .where('contact_id', 'is not', null)
    .where('kind', '=', 'reply')
    .where('status', '=', 'sent');
  if (ids) m = m.where('contact_id', 'in', ofClients);
  note(await m.groupBy('contact_id').execute());
  let k = db
    .selectFrom('calls')
    .select(['contact_id', sql<string>`max(started_at)`.as('at')])
    .where('org_id', '=', orgId)
    .where('contact_id', 'is not', null)
    .where('answered', '=', 1);
  if (ids) k = k.where('contact_id', 'in', ofClients);
  note(await k.groupBy('contact_id').execute());
  return latest;
}
