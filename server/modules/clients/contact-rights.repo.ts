// SQL of the data-subject rights on the clients module's own tables (issue 19).
import type { DbOrTrx } from '../../db/types.ts';

/** The erased contacts among `ids`, with the time they were erased. */
export async function erasedAt(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'erased_at'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .where('erased_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.erased_at!]));
}

/** Personal fields off; language and roles stay (NPS by role counts them). */
export async function anonymiseContact(
  db: DbOrTrx,
  orgId: string,
  id: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('contacts')
    .set({
      name: '',
      email: null,
      phone: null,
      external_id: null,
      preferences: null,
      preferred_channel: null,
      preferred_time: null,
      erased_at: at,
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteContact(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteClient(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('clients').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function contactIdsOfClient(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .execute();
  return rows.map((r) => r.id);
}
