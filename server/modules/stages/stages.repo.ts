// The only file of the stages module with SQL. orgId first, always.
import { selectByKeys } from '../../db/select-by-keys.ts';
import type { DbOrTrx, StagesTable, StageTargetsTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

export async function listStages(db: DbOrTrx, orgId: string): Promise<StagesTable[]> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export async function findStage(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<StagesTable | undefined> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getStage(db: DbOrTrx, orgId: string, id: string): Promise<StagesTable> {
  const row = await findStage(db, orgId, id);
  if (!row) throw notFound('Stage');
  return row;
}

export async function findStageByKey(
  db: DbOrTrx,
  orgId: string,
  key: string,
): Promise<StagesTable | undefined> {
  return db
    .selectFrom('stages')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertStage(db: DbOrTrx, row: StagesTable): Promise<void> {
  await db.insertInto('stages').values(row).execute();
}

/** Inserts the rows; a key another transaction stored first is skipped, not an error. */
export async function insertStagesIfAbsent(db: DbOrTrx, rows: StagesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('stages')
    .values(rows)
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .execute();
}

export async function updateStage(
  db: DbOrTrx,
  orgId: string,
  id: string,
  set: Partial<StagesTable>,
): Promise<void> {
  await db
    .updateTable('stages')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteStage(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('stage_targets')
    .where('org_id', '=', orgId)
    .where('stage_id', '=', id)
    .execute();
  await db.deleteFrom('stages').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function maxPosition(db: DbOrTrx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('stages')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** The keys among `keys` that name a stage of the organisation: one query (IN chunks on SQLite). */
/** The names of the stages among `keys` (keys no stage has are absent). */
export async function namesOfKeys(db: DbOrTrx, orgId: string, keys: readonly string[]) {
  return selectByKeys(db, 'key', keys, (cond) =>
    db
      .selectFrom('stages')
      .select(['key', 'name_ru', 'name_en'])
      .where('org_id', '=', orgId)
      .where(cond),
  );
}

export async function existingKeys(
  db: DbOrTrx,
  orgId: string,
  keys: readonly string[],
): Promise<string[]> {
  const rows = await selectByKeys(db, 'key', keys, (cond) =>
    db.selectFrom('stages').select('key').where('org_id', '=', orgId).where(cond),
  );
  return rows.map((r) => r.key);
}

export async function listTargets(
  db: DbOrTrx,
  orgId: string,
  stageIds: readonly string[],
): Promise<StageTargetsTable[]> {
  if (stageIds.length === 0) return [];
  return db
    .selectFrom('stage_targets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('stage_id', 'in', stageIds)
    .orderBy('metric')
    .execute();
}

/** The stage's targets become exactly `rows`. */
export async function replaceTargets(
  db: DbOrTrx,
  orgId: string,
  stageId: string,
  rows: StageTargetsTable[],
): Promise<void> {
  await db
    .deleteFrom('stage_targets')
    .where('org_id', '=', orgId)
    .where('stage_id', '=', stageId)
    .execute();
  if (rows.length) await db.insertInto('stage_targets').values(rows).execute();
}

export async function keysOwnedBy(db: DbOrTrx, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stages')
    .select('key')
    .where('org_id', '=', orgId)
    .where('owner_user_id', '=', userId)
    .execute();
  return rows.map((r) => r.key);
}
