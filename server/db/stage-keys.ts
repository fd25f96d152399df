// The two statements every module that keeps a `stage` column runs for the stages module's events
// (stagesMerged, stageDeleting; ADR 012), on its own table, scoped by the organisation.
import type { DbOrTrx } from './types.ts';

/** The tables that keep a stage key, and the column they keep it in. */
const STAGE_COLUMNS = {
  feedback: 'stage',
  cases: 'stage',
  calls: 'stage',
  requirements: 'stage',
  transactions: 'stage',
  surveys: 'stage',
  initiatives: 'stage',
  employees: 'stage_key',
  pulse_invitations: 'stage_key',
  pulse_links: 'stage_key',
  pulse_answers: 'stage_key',
} as const;
export type StageTable = keyof typeof STAGE_COLUMNS;

/** Every row of `table` with stage `fromKey` gets `intoKey`. */
export async function rewriteStageKey(
  db: DbOrTrx,
  table: StageTable,
  orgId: string,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  const column = STAGE_COLUMNS[table];
  await db
    .updateTable(table)
    .set({ [column]: e.intoKey } as never)
    .where('org_id', '=', orgId)
    .where(column as never, '=', e.fromKey as never)
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
    .where(STAGE_COLUMNS[table] as never, '=', key as never)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
