// SQL of the feedback score rollup (migration 0027, ADR 013): per organisation, month of its
// time zone, stage, score type and score, how many records. The zone the months were counted in
// is kept beside them (feedback_score_zones), so a reader never takes months of another zone.
import { sql } from 'kysely';
import type { DbOrTrx, ScoreType } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';

export interface ScoreMonthRow {
  month: string;
  stage: string;
  scoreType: ScoreType;
  score: number;
  count: number;
}

/** The kinds of record the rollup counts: a stage and a score of the three scales. */
export const ROLLUP_SCORE_TYPES: ScoreType[] = ['nps', 'csat', 'ces'];

export async function findZone(db: DbOrTrx, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('feedback_score_zones')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.time_zone;
}

export async function saveZone(db: DbOrTrx, orgId: string, timeZone: string): Promise<void> {
  await db
    .insertInto('feedback_score_zones')
    .values({ org_id: orgId, time_zone: timeZone })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ time_zone: timeZone }))
    .execute();
}

/** Adds counts (negative to take away), one statement for all the rows. */
export async function addScoreMonths(
  db: DbOrTrx,
  orgId: string,
  rows: readonly ScoreMonthRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('feedback_score_months')
    .values(
      rows.map((r) => ({
        org_id: orgId,
        month: r.month,
        stage: r.stage,
        score_type: r.scoreType,
        score_value: r.score,
        n: r.count,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'month', 'stage', 'score_type', 'score_value'])
        .doUpdateSet({ n: sql`feedback_score_months.n + excluded.n` }),
    )
    .execute();
}

/** Rows whose count came back to 0 (records deleted), so the rollup equals a fresh count. */
export async function dropEmptyScoreMonths(db: DbOrTrx, orgId: string): Promise<void> {
  await db
    .deleteFrom('feedback_score_months')
    .where('org_id', '=', orgId)
    .where('n', '=', 0)
    .execute();
}

export async function clearScoreMonths(db: DbOrTrx, orgId: string): Promise<void> {
  await db.deleteFrom('feedback_score_months').where('org_id', '=', orgId).execute();
}

/** The rollup's rows of months [fromMonth, toMonth) (YYYY-MM), of one stage or all. */
export async function listScoreMonths(
  db: DbOrTrx,
  orgId: string,
  q: { fromMonth: string; toMonth: string; stage?: string },
): Promise<ScoreMonthRow[]> {
  let query = db
    .selectFrom('feedback_score_months')
    .select(['month', 'stage', 'score_type', 'score_value', 'n'])
    .where('org_id', '=', orgId)
    .where('month', '>=', q.fromMonth)
    .where('month', '<', q.toMonth)
    .where('n', '<>', 0);
  if (q.stage !== undefined) query = query.where('stage', '=', q.stage);
  const rows = await query.execute();
  return rows.map((r) => ({
    month: r.month,
    stage: r.stage,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    count: Number(r.n),
  }));
}

/** The range of receipt instants of the records the rollup counts (null when none). */
export async function receivedRange(
  db: DbOrTrx,
  orgId: string,
): Promise<{ first: string; last: string } | null> {
  const row = await counted(db, orgId)
    .select([
      (eb) => eb.fn.min('f.received_at').as('first'),
      (eb) => eb.fn.max('f.received_at').as('last'),
    ])
    .executeTakeFirst();
  if (!row || row.first === null || row.last === null) return null;
  return { first: iso(row.first), last: iso(row.last) };
}

/** Counts per (stage, type, score, bucket) between boundary instants: a rebuild's one scan. */
export async function countByBucket(db: DbOrTrx, orgId: string, bounds: readonly string[]) {
  const rows = await counted(db, orgId)
    .select([
      'f.stage',
      'f.score_type',
      'f.score_value',
      periodBucket('f.received_at', bounds).as('bucket'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('f.received_at', '>=', bounds[0]!)
    .where('f.received_at', '<', bounds.at(-1)!)
    .groupBy(['f.stage', 'f.score_type', 'f.score_value', BUCKET])
    .execute();
  return rows.map((r) => ({
    stage: r.stage!,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    bucket: Number(r.bucket),
    count: Number(r.n),
  }));
}

function counted(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('feedback as f')
    .where('f.org_id', '=', orgId)
    .where('f.stage', 'is not', null)
    .where('f.score_type', 'in', ROLLUP_SCORE_TYPES)
    .where('f.score_value', 'is not', null);
}

const iso = (t: string | Date) => new Date(t).toISOString();

/** Counts of stage `fromKey` added to `intoKey`'s, then removed (a merge of stages). */
export async function moveStage(
  db: DbOrTrx,
  orgId: string,
  fromKey: string,
  intoKey: string,
): Promise<void> {
  const rows = await db
    .selectFrom('feedback_score_months')
    .select(['month', 'score_type', 'score_value', 'n'])
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  await db
    .deleteFrom('feedback_score_months')
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  const moved = rows.map((r) => ({
    month: r.month,
    stage: intoKey,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    count: Number(r.n),
  }));
  for (let i = 0; i < moved.length; i += 2_000)
    await addScoreMonths(db, orgId, moved.slice(i, i + 2_000));
}
