// SQL of the phone-line rollup (migration 0036, ADR 016): per organisation, period of its time
// zone (YYYY-MM and YYYY-Qn) and stage key, additive sums of its calls. The zone and call-back
// target the sums were counted with are kept beside them (call_rollup_zones), so a reader never
// takes periods of another zone or target.
import { sql } from 'kysely';
import type { CallRollupsTable, DbOrTrx } from '../../db/types.ts';

export type RollupSums = Omit<CallRollupsTable, 'org_id' | 'period' | 'stage'>;
export type RollupRow = { period: string; stage: string } & RollupSums;

export const SUM_COLUMNS = [
  'calls',
  'answered',
  'inbound',
  'missed',
  'wait_sum',
  'within_target',
  'missed_linked',
  'missed_open',
] as const satisfies readonly (keyof RollupSums)[];

const toRow = (r: Record<string, unknown>): RollupRow => ({
  period: String(r.period),
  stage: String(r.stage),
  ...(Object.fromEntries(SUM_COLUMNS.map((c) => [c, Number(r[c])])) as RollupSums),
});

/** Rows per insert: eleven parameters each, under SQLite's limit. */
const CHUNK = 500;

export async function findZone(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('call_rollup_zones')
    .select(['time_zone', 'target_minutes'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function saveZone(
  db: DbOrTrx,
  orgId: string,
  zone: { time_zone: string; target_minutes: number },
): Promise<void> {
  await db
    .insertInto('call_rollup_zones')
    .values({ org_id: orgId, ...zone })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(zone))
    .execute();
}

/** Adds sums (negative to take away), one statement per chunk. */
export async function addRollups(
  db: DbOrTrx,
  orgId: string,
  rows: readonly RollupRow[],
): Promise<void> {
  const set = Object.fromEntries(
    SUM_COLUMNS.map((c) => [c, sql`${sql.ref(`call_rollups.${c}`)} + ${sql.ref(`excluded.${c}`)}`]),
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('call_rollups')
      .values(rows.slice(i, i + CHUNK).map((r) => ({ org_id: orgId, ...r })))
      .onConflict((oc) => oc.columns(['org_id', 'period', 'stage']).doUpdateSet(set as never))
      .execute();
  }
}

export async function clearRollups(db: DbOrTrx, orgId: string): Promise<void> {
  await db.deleteFrom('call_rollups').where('org_id', '=', orgId).execute();
}

export async function listRollups(
  db: DbOrTrx,
  orgId: string,
  periods: readonly string[],
): Promise<RollupRow[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .selectFrom('call_rollups')
    .select(['period', 'stage', ...SUM_COLUMNS])
    .where('org_id', '=', orgId)
    .where('period', 'in', periods)
    .execute();
  return rows.map(toRow);
}

/** The rows of stage `fromKey` (a merge moves them onto another key), removed. */
export async function takeStage(db: DbOrTrx, orgId: string, fromKey: string): Promise<RollupRow[]> {
  const rows = await listStageRows(db, orgId, fromKey);
  await db
    .deleteFrom('call_rollups')
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  return rows;
}

async function listStageRows(db: DbOrTrx, orgId: string, stage: string): Promise<RollupRow[]> {
  const rows = await db
    .selectFrom('call_rollups')
    .select(['period', 'stage', ...SUM_COLUMNS])
    .where('org_id', '=', orgId)
    .where('stage', '=', stage)
    .execute();
  return rows.map(toRow);
}

/**
 * Missed inbound calls without a call-back started in [from, to): the ones after now − target
 * are still pending at read. Few rows: the (org_id, started_at) index bounds the scan.
 */
export async function listOpenMissedSince(
  db: DbOrTrx,
  orgId: string,
  q: { after: string; from: string; to: string },
) {
  return db
    .selectFrom('calls')
    .select(['started_at', 'stage'])
    .where('org_id', '=', orgId)
    .where('started_at', '>', q.after)
    .where('started_at', '>=', q.from)
    .where('started_at', '<', q.to)
    .where('direction', '=', 'in')
    .where('answered', '=', 0)
    .where('callback_at', 'is', null)
    .execute();
}

export type CallFacts = Awaited<ReturnType<typeof listCallFactsPage>>[number];

/** A page of the organisation's calls by id, the columns the rollup counts (a rebuild). */
export async function listCallFactsPage(
  db: DbOrTrx,
  orgId: string,
  afterId: string | null,
  limit: number,
) {
  let q = db
    .selectFrom('calls')
    .select(['id', 'started_at', 'direction', 'answered', 'wait_seconds', 'stage', 'callback_at'])
    .where('org_id', '=', orgId);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}
