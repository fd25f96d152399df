// SQL for the set-based matching of an intake group (issue 20): the clients it names, by id or by
// external id, in one query each. orgId first.
import { selectByKeys } from '../../db/select-by-keys.ts';
import type { ClientsTable, DbOrTrx } from '../../db/types.ts';

/** The organisation's clients among `ids` (an intake group's case routing reads them at once). */
export async function findClientsByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<ClientsTable[]> {
  return selectByKeys(
    db,
    'id',
    ids,
    (keys) => db.selectFrom('clients').selectAll().where('org_id', '=', orgId).where(keys),
    'uuid',
  );
}

/** The organisation's clients with one of `externalIds` (unique per organisation): one query. */
export async function findClientsByExternalIds(
  db: DbOrTrx,
  orgId: string,
  externalIds: readonly string[],
): Promise<ClientsTable[]> {
  return selectByKeys(db, 'external_id', externalIds, (keys) =>
    db.selectFrom('clients').selectAll().where('org_id', '=', orgId).where(keys),
  );
}
