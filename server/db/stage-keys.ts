// The two statements every module that keeps a `stage` column runs for the stages module's events
// (stagesMerged, stageDeleting; ADR 012), on its own table, scoped by the organisation.
import type { DbOrTrx } from './types.ts';

export type StageTable =
  'feedback' | 'cases' | 'calls' | 'requirements' | 'transactions' | 'surveys';

/** Every row of `table` with stage `fromKey` gets `intoKey`. */
export async function rewriteStageKey(
  db: DbOrTrx,
  table: StageTable,
  orgId: string,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  await db
    .updateTable(table)
    .set({ stage: e.intoKey })
    .where('org_id', '=', orgId)
    .where('stage', '=', e.fromKey)
    .execute();
}

/** True when a row of `table` carries `key`. */
export async function stageKeyUsed(
  db: DbOrTrx,
  table: StageTable,
  orgId: string,
  key: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('org_id')
    .where('org_id', '=', orgId)
    .where('stage', '=', key)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
