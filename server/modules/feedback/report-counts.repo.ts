// SQL of the satisfaction report's counts (migration 0048, ADR 020): records per score type and
// score, per month of the rollup's zone (without and with the client's segment) and per day of
// it, all split by UTC month, stage ('' for none) and channel.
import { sql } from 'kysely';
import type { DbOrTrx, ScoreType } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';
import { ROLLUP_SCORE_TYPES } from './score-months.repo.ts';
import { upsertReportRows, type ReportRow, type ReportTable } from './report-counts.upsert.ts';

export type { ReportCountKey, ReportTable } from './report-counts.upsert.ts';

const TABLES = {
  months: 'feedback_report_months',
  segments: 'feedback_report_segments',
  days: 'feedback_report_days',
} as const;

/** Adds counts (negative to take away) to one table; `month` / `segment` / `day` as it has them. */
export async function addReportRows(
  db: DbOrTrx,
  orgId: string,
  table: ReportTable,
  rows: readonly ReportRow[],
): Promise<void> {
  await upsertReportRows(db, orgId, { [table]: rows });
}

/** Rows whose count came back to 0, so the counts equal a fresh count. */
export async function dropEmptyReportCounts(db: DbOrTrx, orgId: string): Promise<void> {
  for (const name of Object.values(TABLES))
    await db.deleteFrom(name).where('org_id', '=', orgId).where('n', '=', 0).execute();
}

export async function clearReportCounts(db: DbOrTrx, orgId: string): Promise<void> {
  for (const name of Object.values(TABLES))
    await db.deleteFrom(name).where('org_id', '=', orgId).execute();
}

export type ReportCountsGroup = 'month' | 'stage' | 'channel' | 'segment';

export interface ReportCountsQuery {
  scoreTypes: readonly ScoreType[];
  groupBy?: ReportCountsGroup;
  stage?: string;
  channel?: string;
  segment?: string;
}

export interface SummedCount {
  scoreType: ScoreType;
  key: string | null;
  score: number;
  count: number;
}

const GROUP_COLUMN = { month: 'utc_month', stage: 'stage', channel: 'channel', segment: 'segment' };

/**
 * Counts of months [from, to) (YYYY-MM, tables `months` and `segments`) or days [from, to)
 * (YYYY-MM-DD, `days`), summed per score type, score and the group's column in SQL. Only the
 * `segments` table has the segment.
 */
export async function sumReportCounts(
  db: DbOrTrx,
  orgId: string,
  range: { table: ReportTable; from: string; to: string },
  q: ReportCountsQuery,
): Promise<SummedCount[]> {
  const col = range.table === 'days' ? 'day' : 'month';
  const key = q.groupBy ? sql.ref(GROUP_COLUMN[q.groupBy]) : sql<null>`null`;
  let query = db
    .selectFrom(TABLES[range.table] as 'feedback_report_segments')
    .select([
      'score_type',
      'score_value',
      key.as('group_key'),
      (eb) => eb.fn.sum<number>('n').as('n'),
    ])
    .where('org_id', '=', orgId)
    .where(sql.ref(col), '>=', range.from)
    .where(sql.ref(col), '<', range.to)
    .where('score_type', 'in', q.scoreTypes)
    .groupBy(['score_type', 'score_value']);
  if (q.groupBy) query = query.groupBy(sql.ref(GROUP_COLUMN[q.groupBy]));
  if (q.stage !== undefined) query = query.where('stage', '=', q.stage);
  if (q.channel !== undefined) query = query.where('channel', '=', q.channel);
  if (q.segment !== undefined) query = query.where(sql.ref('segment'), '=', q.segment);
  const rows = await query.execute();
  return rows
    .map((r) => {
      const k = r.group_key as string | null;
      return {
        scoreType: r.score_type as ScoreType,
        // '' is "no stage" / "no segment": the scan's null.
        key: k === '' ? null : k,
        score: Number(r.score_value),
        count: Number(r.n),
      };
    })
    .filter((r) => r.count !== 0);
}

/** The records the counts hold: a score of the three scales (any stage, any client). */
export function countedRecords(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('clients as c', (j) => j.onRef('c.id', '=', 'f.client_id').on('c.org_id', '=', orgId))
    .where('f.org_id', '=', orgId)
    .where('f.score_type', 'in', ROLLUP_SCORE_TYPES)
    .where('f.score_value', 'is not', null);
}

/** Counts per (stage, channel, segment, type, score, bucket) between boundary instants. */
export async function countReportByBucket(db: DbOrTrx, orgId: string, bounds: readonly string[]) {
  const stage = sql<string>`coalesce(f.stage, '')`;
  const segment = sql<string>`coalesce(c.segment, '')`;
  const rows = await countedRecords(db, orgId)
    .select([
      stage.as('stage'),
      'f.channel',
      segment.as('segment'),
      'f.score_type',
      'f.score_value',
      periodBucket('f.received_at', bounds).as('bucket'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('f.received_at', '>=', bounds[0]!)
    .where('f.received_at', '<', bounds.at(-1)!)
    .groupBy([stage, 'f.channel', segment, 'f.score_type', 'f.score_value', BUCKET])
    .execute();
  return rows.map((r) => ({
    stage: r.stage,
    channel: r.channel as string,
    segment: r.segment,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    bucket: Number(r.bucket),
    count: Number(r.n),
  }));
}

/** The range of receipt instants (ms) of the counted records (null when none). */
export async function countedRange(db: DbOrTrx, orgId: string) {
  const row = await countedRecords(db, orgId)
    .select([
      (eb) => eb.fn.min('f.received_at').as('first'),
      (eb) => eb.fn.max('f.received_at').as('last'),
    ])
    .executeTakeFirst();
  if (!row || row.first === null || row.last === null) return null;
  return { first: new Date(row.first).getTime(), last: new Date(row.last).getTime() };
}

/** The counted records of some clients (moving them between segments): a row each. */
export async function reportRecordsOfClients(
  db: DbOrTrx,
  orgId: string,
  clientIds: readonly string[],
) {
  if (clientIds.length === 0) return [];
  const rows = await countedRecords(db, orgId)
    .select([
      'f.client_id',
      'f.stage',
      'f.channel',
      'f.score_type',
      'f.score_value',
      'f.received_at',
    ])
    .where('f.client_id', 'in', clientIds)
    .execute();
  return rows.map((r) => ({
    clientId: r.client_id!,
    stage: r.stage,
    channel: r.channel as string,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    receivedAt: new Date(r.received_at).getTime(),
  }));
}

/** Rows of stage `fromKey` moved onto `intoKey` (a merge of stages), in the three tables. */
export async function moveReportStage(
  db: DbOrTrx,
  orgId: string,
  fromKey: string,
  intoKey: string,
): Promise<void> {
  for (const table of Object.keys(TABLES) as ReportTable[]) {
    const name = TABLES[table] as 'feedback_report_segments';
    const rows = (await db
      .selectFrom(name)
      .selectAll()
      .where('org_id', '=', orgId)
      .where('stage', '=', fromKey)
      .execute()) as unknown as Array<Record<string, string | number>>;
    await db.deleteFrom(name).where('org_id', '=', orgId).where('stage', '=', fromKey).execute();
    await addReportRows(
      db,
      orgId,
      table,
      rows.map((r) => ({
        month: r.month as string,
        segment: r.segment as string,
        day: r.day as string,
        utcMonth: r.utc_month as string,
        stage: intoKey,
        channel: r.channel as string,
        scoreType: r.score_type as ScoreType,
        score: Number(r.score_value),
        count: Number(r.n),
      })),
    );
  }
}
