// Several cases of one organisation by id in one query (the notification list names its cases).
import type { CasesTable, DbOrTrx } from '../../db/types.ts';

export async function findCasesByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<CasesTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
