// SQL of the client facts the portfolio scores stand on (issue 17): every client with its
// segment, manager, budget and strategic fit, and the contacts that carry a decision-maker or
// influencer role. orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

export async function portfolioClients(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('clients')
    .select([
      'id',
      'segment',
      'manager_id',
      'estimated_annual_budget_minor',
      'strategic_fit',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .execute();
}

/** Contacts whose roles (a JSON array: text on SQLite, jsonb on PostgreSQL) name a decision
 * maker or an influencer. */
export async function keyContacts(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('contacts')
    .select(['id', 'client_id', 'roles'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb(sql<string>`cast(roles as text)`, 'like', '%"decision_maker"%'),
        eb(sql<string>`cast(roles as text)`, 'like', '%"influencer"%'),
      ]),
    )
    .execute();
}
