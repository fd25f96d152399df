// SQL of the training plan items. orgId first, always.
import type { DbOrTrx, TrainingItemsTable, TrainingStatus } from '../../db/types.ts';

export async function insertTrainingItem(db: DbOrTrx, row: TrainingItemsTable): Promise<void> {
  await db.insertInto('training_items').values(row).execute();
}

export async function findTrainingItem(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<TrainingItemsTable | undefined> {
  return db
    .selectFrom('training_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listTrainingItems(
  db: DbOrTrx,
  orgId: string,
  f: {
    employeeId?: string;
    status?: TrainingStatus;
    ids?: readonly string[];
    afterId?: string;
    limit: number;
  },
): Promise<TrainingItemsTable[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = db.selectFrom('training_items').selectAll().where('org_id', '=', orgId);
  if (f.employeeId) q = q.where('employee_id', '=', f.employeeId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.ids) q = q.where('id', 'in', [...f.ids]);
  if (f.afterId) q = q.where('id', '>', f.afterId);
  return q
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

export async function updateTrainingItem(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<TrainingItemsTable>,
): Promise<void> {
  await db
    .updateTable('training_items')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteTrainingItem(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom('training_items')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
