// SQL of the feedback score rollup per client group (migration 0037, ADR 017): the counts of
// feedback_score_months split by the segment and manager of each record's client ('' for none).
// Its months are those of feedback_score_zones, kept by the same writers as the monthly counts.
import { sql } from 'kysely';
import type { DbOrTrx, ScoreType } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';
import { ROLLUP_SCORE_TYPES, type ScoreMonthRow } from './score-months.repo.ts';

export interface ScoreGroupRow extends ScoreMonthRow {
  segment: string;
  manager: string;
}

const KEY = [
  'org_id',
  'segment',
  'manager',
  'month',
  'stage',
  'score_type',
  'score_value',
] as const;

/** Adds counts (negative to take away), one statement for all the rows. */
export async function addScoreGroups(
  db: DbOrTrx,
  orgId: string,
  rows: readonly ScoreGroupRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('feedback_score_groups')
    .values(
      rows.map((r) => ({
        org_id: orgId,
        segment: r.segment,
        manager: r.manager,
        month: r.month,
        stage: r.stage,
        score_type: r.scoreType,
        score_value: r.score,
        n: r.count,
      })),
    )
    .onConflict((oc) =>
      oc.columns([...KEY]).doUpdateSet({ n: sql`feedback_score_groups.n + excluded.n` }),
    )
    .execute();
}

export async function clearScoreGroups(db: DbOrTrx, orgId: string): Promise<void> {
  await db.deleteFrom('feedback_score_groups').where('org_id', '=', orgId).execute();
}

/**
 * Counts of months [fromMonth, toMonth) of the clients of one segment, one manager or both,
 * summed over the other key in SQL: one row per (month, stage, type, score).
 */
export async function sumScoreGroups(
  db: DbOrTrx,
  orgId: string,
  q: { fromMonth: string; toMonth: string; stage?: string; segment?: string; manager?: string },
): Promise<ScoreMonthRow[]> {
  let query = db
    .selectFrom('feedback_score_groups')
    .select(['month', 'stage', 'score_type', 'score_value', (eb) => eb.fn.sum<number>('n').as('n')])
    .where('org_id', '=', orgId)
    .where('month', '>=', q.fromMonth)
    .where('month', '<', q.toMonth)
    .groupBy(['month', 'stage', 'score_type', 'score_value']);
  if (q.segment !== undefined) query = query.where('segment', '=', q.segment);
  if (q.manager !== undefined) query = query.where('manager', '=', q.manager);
  if (q.stage !== undefined) query = query.where('stage', '=', q.stage);
  const rows = await query.execute();
  return rows
    .map((r) => ({
      month: r.month,
      stage: r.stage,
      scoreType: r.score_type as ScoreType,
      score: Number(r.score_value),
      count: Number(r.n),
    }))
    .filter((r) => r.count !== 0);
}

/**
 * Counts per (stage, type, score, client group, bucket) between boundary instants, with the
 * clients' current segment and manager: a rebuild's one scan.
 */
export async function countGroupsByBucket(db: DbOrTrx, orgId: string, bounds: readonly string[]) {
  const segment = sql<string>`coalesce(c.segment, '')`;
  const manager = sql<string>`coalesce(cast(c.manager_id as text), '')`;
  const rows = await scored(db, orgId)
    .select([
      'f.stage',
      'f.score_type',
      'f.score_value',
      segment.as('segment'),
      manager.as('manager'),
      periodBucket('f.received_at', bounds).as('bucket'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('f.received_at', '>=', bounds[0]!)
    .where('f.received_at', '<', bounds.at(-1)!)
    .groupBy(['f.stage', 'f.score_type', 'f.score_value', segment, manager, BUCKET])
    .execute();
  return rows.map((r) => ({
    stage: r.stage!,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    segment: r.segment,
    manager: r.manager,
    bucket: Number(r.bucket),
    count: Number(r.n),
  }));
}

/** The counted records of some clients (for moving them between groups): a row each. */
export async function scoredRecordsOfClients(
  db: DbOrTrx,
  orgId: string,
  clientIds: readonly string[],
) {
  if (clientIds.length === 0) return [];
  const rows = await scored(db, orgId)
    .select(['f.client_id', 'f.stage', 'f.score_type', 'f.score_value', 'f.received_at'])
    .where('f.client_id', 'in', clientIds)
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id!,
    stage: r.stage!,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    receivedAt: new Date(r.received_at).toISOString(),
  }));
}

function scored(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('clients as c', (j) => j.onRef('c.id', '=', 'f.client_id').on('c.org_id', '=', orgId))
    .where('f.org_id', '=', orgId)
    .where('f.stage', 'is not', null)
    .where('f.score_type', 'in', ROLLUP_SCORE_TYPES)
    .where('f.score_value', 'is not', null);
}

/** Counts of stage `fromKey` added to `intoKey`'s, then removed (a merge of stages). */
export async function moveGroupStage(
  db: DbOrTrx,
  orgId: string,
  fromKey: string,
  intoKey: string,
): Promise<void> {
  const rows = await db
    .selectFrom('feedback_score_groups')
    .select(['segment', 'manager', 'month', 'score_type', 'score_value', 'n'])
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  await db
    .deleteFrom('feedback_score_groups')
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  const moved = rows.map((r) => ({
    segment: r.segment,
    manager: r.manager,
    month: r.month,
    stage: intoKey,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    count: Number(r.n),
  }));
  for (let i = 0; i < moved.length; i += 1_500)
    await addScoreGroups(db, orgId, moved.slice(i, i + 1_500));
}
