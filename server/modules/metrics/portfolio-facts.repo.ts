// SQL of the feedback facts the portfolio's relationship score uses (issue 17): per client and
// contact, the latest NPS answer and the latest record of any kind (a touch), up to an instant.
// Records without a contact form one group per client (contact_id null). orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

/** The latest NPS answer of each (client, contact) received before `before` (an instant). */
export async function latestNpsAnswers(db: DbOrTrx, orgId: string, before: string) {
  const ranked = db
    .selectFrom('feedback')
    .select([
      'client_id',
      'contact_id',
      'score_value',
      sql<number>`row_number() over (partition by client_id, contact_id order by received_at desc, id desc)`.as(
        'rn',
      ),
    ])
    .where('org_id', '=', orgId)
    .where('score_type', '=', 'nps')
    .where('score_value', 'is not', null)
    .where('client_id', 'is not', null)
    .where('received_at', '<', before)
    .as('ranked');
  const rows = await db
    .selectFrom(ranked)
    .select(['client_id', 'contact_id', 'score_value'])
    .where('rn', '=', 1)
    .execute();
  return rows.map((r) => ({
    clientId: String(r.client_id),
    contactId: r.contact_id,
    score: Number(r.score_value),
  }));
}

/** Contacts with any feedback record received in [from, to) (instants). */
export async function touchedContacts(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('feedback')
    .select('contact_id')
    .distinct()
    .where('org_id', '=', orgId)
    .where('contact_id', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
  return rows.map((r) => String(r.contact_id));
}
