// SQL of the clients' groups (segment and manager) the modules above roll figures up by.
import { selectByKeys } from '../../db/select-by-keys.ts';
import type { DbOrTrx } from '../../db/types.ts';

/** Segment and manager of the organisation's clients among `ids`. */
export async function clientGroupsByIds(db: DbOrTrx, orgId: string, ids: readonly string[]) {
  return selectByKeys(
    db,
    'id',
    ids,
    (keys) =>
      db
        .selectFrom('clients')
        .select(['id', 'segment', 'manager_id'])
        .where('org_id', '=', orgId)
        .where(keys),
    'uuid',
  );
}
