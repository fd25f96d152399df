// SQL for changing many contacts at once (bulk roles, issue 17). orgId first.
import type { ContactsTable, DbOrTrx } from '../../db/types.ts';

/** The organisation's contacts among `ids`. */
export async function listContactsByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<ContactsTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}
