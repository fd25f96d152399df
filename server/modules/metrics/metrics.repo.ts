// The only file of the metrics module with SQL. It returns histograms — responses counted per
// (group, score) — and leaves the formulas to satisfaction.ts; every function takes orgId first.
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, FeedbackTable, ScoreType } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';

export type GroupDimension = 'month' | 'stage' | 'segment' | 'channel' | 'client';

export interface GroupedScoreCount {
  /** null for an unset stage / segment / client; always null without a dimension. */
  groupKey: string | null;
  /** The client's name when grouped by client. */
  label: string | null;
  score: number;
  count: number;
}

export interface ScoreRange {
  min: number;
  max: number;
}

/**
 * `YYYY-MM` of received_at in UTC. SQLite keeps times as ISO text, so the prefix is the month;
 * PostgreSQL keeps timestamptz, which must be formatted in UTC, not the session's time zone.
 * No bound parameters inside, so PostgreSQL accepts the same expression in SELECT and GROUP BY.
 */
function monthOfReceivedAt(db: DbOrTrx): RawBuilder<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<string>`to_char(f.received_at at time zone 'UTC', 'YYYY-MM')`
    : sql<string>`substr(f.received_at, 1, 7)`;
}

function groupKeyOf(db: DbOrTrx, by: GroupDimension): RawBuilder<string | null> {
  switch (by) {
    case 'month':
      return monthOfReceivedAt(db);
    case 'stage':
      return sql<string | null>`f.stage`;
    case 'segment':
      return sql<string | null>`c.segment`;
    case 'channel':
      return sql<string>`f.channel`;
    case 'client':
      // Cast: on PostgreSQL client_id is a uuid; the key is compared and sorted as text.
      return sql<string | null>`cast(f.client_id as text)`;
  }
}

/** The dashboard's filters (issue 21): the record's stage, client and channel, the client's group. */
export interface ReportFilter extends ClientFilter {
  stage?: string;
  clientId?: string;
  channel?: string;
}

/** Responses of one score type in [from, to), counted per group and score. */
export async function countScoresByGroup(
  db: DbOrTrx,
  orgId: string,
  q: ReportFilter & {
    scoreType: ScoreType;
    range: ScoreRange;
    from: string;
    to: string;
    groupBy?: GroupDimension;
  },
): Promise<GroupedScoreCount[]> {
  const key = q.groupBy ? groupKeyOf(db, q.groupBy) : sql<null>`null`;
  const label = q.groupBy === 'client' ? sql<string | null>`max(c.name)` : sql<null>`null`;
  let query = db
    .selectFrom('feedback as f')
    // The org_id condition on the join is belt and braces: a client of another organisation
    // must never lend its segment or name to this one's numbers.
    .leftJoin('clients as c', (j) =>
      j.onRef('c.id', '=', 'f.client_id').onRef('c.org_id', '=', 'f.org_id'),
    )
    .select([
      key.as('group_key'),
      label.as('label'),
      'f.score_value as score',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('f.org_id', '=', orgId)
    .where('f.score_type', '=', q.scoreType)
    .where('f.score_value', '>=', q.range.min)
    .where('f.score_value', '<=', q.range.max)
    .where('f.received_at', '>=', q.from)
    .where('f.received_at', '<', q.to)
    .groupBy('f.score_value');
  if (q.groupBy) query = query.groupBy(key);
  if (q.stage !== undefined) query = query.where('f.stage', '=', q.stage);
  if (q.clientId !== undefined) query = query.where('f.client_id', '=', q.clientId);
  if (q.channel !== undefined)
    query = query.where('f.channel', '=', q.channel as FeedbackTable['channel']);
  // The group's clients first, then their records by (org_id, client_id, received_at): a
  // segment's records are read, not the window's (docs/BENCHMARKS.md, issue 21).
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('f.client_id', 'in', (eb) => {
      let clients = eb.selectFrom('clients as g').select('g.id').where('g.org_id', '=', orgId);
      if (q.segment !== undefined) clients = clients.where('g.segment', '=', q.segment);
      if (q.managerId !== undefined) clients = clients.where('g.manager_id', '=', q.managerId);
      return clients;
    });
  const rows = await query.execute();
  return rows.map((r) => ({
    groupKey: r.group_key,
    label: r.label,
    score: Number(r.score),
    count: Number(r.n),
  }));
}

/** Responses of several score types in [from, to), counted per type and score (one scan). */
export async function countScoresByType(
  db: DbOrTrx,
  orgId: string,
  q: { scoreTypes: ScoreType[]; from: string; to: string },
): Promise<Array<{ scoreType: ScoreType; score: number; count: number }>> {
  const rows = await db
    .selectFrom('feedback')
    .select(['score_type', 'score_value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('score_type', 'in', q.scoreTypes)
    .where('score_value', 'is not', null)
    .where('received_at', '>=', q.from)
    .where('received_at', '<', q.to)
    .groupBy(['score_type', 'score_value'])
    .execute();
  return rows.map((r) => ({
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    count: Number(r.n),
  }));
}

/** Clients narrowed by segment and manager (the scorecard's filters). */
export interface ClientFilter {
  segment?: string;
  managerId?: string;
}

/**
 * Responses of the journey stages per (stage, score type, score, period of the window), one
 * scan; `bounds` are the periods' boundaries as instants. Records without a stage count nowhere.
 */
export async function countStageScoresByPeriod(
  db: DbOrTrx,
  orgId: string,
  q: ClientFilter & { bounds: readonly string[]; stage?: string },
): Promise<
  Array<{ stage: string; scoreType: ScoreType; score: number; bucket: number; count: number }>
> {
  const bucket = periodBucket('f.received_at', q.bounds);
  let query = db
    .selectFrom('feedback as f')
    .select([
      'f.stage',
      'f.score_type',
      'f.score_value',
      bucket.as('bucket'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('f.org_id', '=', orgId)
    .where('f.stage', 'is not', null)
    .where('f.score_type', 'in', ['nps', 'csat', 'ces'])
    .where('f.score_value', 'is not', null)
    .where('f.received_at', '>=', q.bounds[0]!)
    .where('f.received_at', '<', q.bounds.at(-1)!)
    .groupBy(['f.stage', 'f.score_type', 'f.score_value', BUCKET]);
  if (q.stage !== undefined) query = query.where('f.stage', '=', q.stage);
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('f.client_id', 'in', (eb) => {
      let clients = eb.selectFrom('clients as c').select('c.id').where('c.org_id', '=', orgId);
      if (q.segment !== undefined) clients = clients.where('c.segment', '=', q.segment);
      if (q.managerId !== undefined) clients = clients.where('c.manager_id', '=', q.managerId);
      return clients;
    });
  const rows = await query.execute();
  return rows.map((r) => ({
    stage: r.stage!,
    scoreType: r.score_type as ScoreType,
    score: Number(r.score_value),
    bucket: Number(r.bucket),
    count: Number(r.n),
  }));
}
