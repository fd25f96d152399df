// SQL of saved views (issue 21). Every statement is scoped by organisation AND person: a view is
// never read or written through another person's id.
import type { DbOrTrx, SavedViewsTable } from '../../db/types.ts';

export interface Owner {
  orgId: string;
  userId: string;
}

export async function listViews(db: DbOrTrx, o: Owner, list: string): Promise<SavedViewsTable[]> {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('list', '=', list)
    .orderBy('name')
    .execute();
}

export async function findView(
  db: DbOrTrx,
  o: Owner,
  id: string,
): Promise<SavedViewsTable | undefined> {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countViews(db: DbOrTrx, o: Owner, list: string): Promise<number> {
  const row = await db
    .selectFrom('saved_views')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('list', '=', list)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertView(db: DbOrTrx, row: SavedViewsTable): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

export async function updateView(
  db: DbOrTrx,
  o: Owner,
  id: string,
  patch: Partial<Pick<SavedViewsTable, 'name' | 'filters' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('saved_views')
    .set(patch)
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('id', '=', id)
    .execute();
}

export async function deleteView(db: DbOrTrx, o: Owner, id: string): Promise<number> {
  const res = await db
    .deleteFrom('saved_views')
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
