// The satisfaction report's counts (issue 20, ADR 020): records per score type and score, per
// month of the rollup's zone (without and with the client's segment) and per day of it, by the UTC
// month the report groups months by, the stage and the channel. Kept in the same transactions as
// the score months (ADR 013) — intake, deletion, a client's new segment, a stage merge, a new
// zone — so the dashboard reads a few thousand counts instead of a year of records.
import type { OrgScope } from '../../context.ts';
import type { FeedbackTable, ScoreType } from '../../db/types.ts';
import type { ClientsRegrouped } from '../clients/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import * as repo from './report-counts.repo.ts';
import { upsertReportRows, type ReportRow } from './report-counts.upsert.ts';
import { findZone, ROLLUP_SCORE_TYPES, saveZone } from './score-months.repo.ts';
import { dayLabel, dayOf, dayStart, utcMonthOf } from './zone-days.ts';

export type {
  ReportCountsGroup,
  ReportCountsQuery,
  ReportTable,
  SummedCount,
} from './report-counts.repo.ts';

type Recorded = Pick<
  FeedbackTable,
  'client_id' | 'stage' | 'channel' | 'score_type' | 'score_value' | 'received_at'
>;

/** A record the report counts hold: a score of the three scales, with or without a stage. */
export const reportCounted = (r: Recorded) =>
  r.score_value !== null && r.score_type !== null && ROLLUP_SCORE_TYPES.includes(r.score_type);

interface Fact {
  at: number;
  stage: string | null;
  channel: string;
  segment: string | null;
  scoreType: ScoreType;
  score: number;
  count: number;
}

/** The rows of some records in `tables`, summed per key; rows summing to 0 left out. */
async function addFacts(
  s: OrgScope,
  zone: string,
  facts: readonly Fact[],
  tables: readonly repo.ReportTable[] = ['months', 'segments', 'days'],
): Promise<void> {
  const sums = new Map<repo.ReportTable, Map<string, ReportRow>>(tables.map((t) => [t, new Map()]));
  const add = (table: repo.ReportTable, key: string, row: () => ReportRow, count: number) => {
    const map = sums.get(table);
    if (!map) return;
    const had = map.get(key);
    if (had) had.count += count;
    else map.set(key, row());
  };
  for (const f of facts) {
    const d = dayOf(f.at, zone);
    const [day, utcMonth, stage] = [dayLabel(d), utcMonthOf(f.at), f.stage ?? ''];
    const month = day.slice(0, 7);
    const segment = f.segment ?? '';
    const base = { utcMonth, stage, channel: f.channel, scoreType: f.scoreType, score: f.score };
    const tail = `${utcMonth}|${stage}|${f.channel}|${f.scoreType}|${f.score}`;
    add('months', `${month}|${tail}`, () => ({ ...base, month, count: f.count }), f.count);
    add(
      'segments',
      `${month}|${segment}|${tail}`,
      () => ({ ...base, month, segment, count: f.count }),
      f.count,
    );
    add('days', `${day}|${tail}`, () => ({ ...base, day, count: f.count }), f.count);
  }
  // One statement for the three tables on PostgreSQL, one per table on SQLite.
  await upsertReportRows(
    s.db,
    s.orgId,
    Object.fromEntries(
      [...sums].map(([table, map]) => [table, [...map.values()].filter((r) => r.count !== 0)]),
    ),
  );
}

/**
 * Adds new records (inside the transaction that inserts them, already filtered by
 * reportCounted) in `zone`, the rollup's zone; `sign` -1 takes deleted records out, from their
 * client's current segment (where a regroup has moved them). `groups` holds the groups of the
 * records' clients: score-months.ts reads the zone and the groups once for these counts and the
 * score groups (ADR 017).
 */
export async function recordReportCounts(
  s: OrgScope,
  zone: string,
  groups: ReadonlyMap<string, { segment: string | null }>,
  rows: readonly Recorded[],
  sign: 1 | -1 = 1,
): Promise<void> {
  if (rows.length === 0) return;
  await addFacts(
    s,
    zone,
    rows.map((r) => ({
      at: Date.parse(new Date(r.received_at).toISOString()),
      stage: r.stage,
      channel: r.channel,
      segment: (r.client_id ? groups.get(r.client_id)?.segment : null) ?? null,
      scoreType: r.score_type!,
      score: r.score_value!,
      count: sign,
    })),
  );
  if (sign < 0) await repo.dropEmptyReportCounts(s.db, s.orgId);
}

/** Days per rebuild scan: the bucket expression grows with its boundaries. */
const SPAN_DAYS = 62;

/**
 * Counts the organisation's records again in the rollup's zone (feedback_score_zones, saved by
 * rebuildScoreMonths first): after a zone change, a bulk load, the migration, or as a repair.
 */
export async function rebuildReportCounts(s: OrgScope): Promise<void> {
  const zone = (await findZone(s.db, s.orgId)) ?? (await orgTimeZone(s));
  await repo.clearReportCounts(s.db, s.orgId);
  const range = await repo.countedRange(s.db, s.orgId);
  if (!range) return;
  if ((await findZone(s.db, s.orgId)) === undefined) await saveZone(s.db, s.orgId, zone);
  const first = dayOf(range.first, zone);
  const last = dayOf(range.last, zone);
  for (let from = first; from <= last; from += SPAN_DAYS) {
    const to = Math.min(from + SPAN_DAYS, last + 1);
    // Boundaries: every day's start and every UTC month's start between, so each bucket is
    // one (zone day, UTC month) piece.
    const instants = new Set<number>();
    for (let d = from; d <= to; d++) instants.add(dayStart(d, zone));
    const [lo, hi] = [dayStart(from, zone), dayStart(to, zone)];
    for (let t = utcMonthStartAfter(lo); t < hi; t = utcMonthStartAfter(t)) instants.add(t);
    const bounds = [...instants].sort((a, b) => a - b);
    const rows = await repo.countReportByBucket(
      s.db,
      s.orgId,
      bounds.map((t) => new Date(t).toISOString()),
    );
    await addFacts(
      s,
      zone,
      rows.map((r) => ({
        ...r,
        at: bounds[r.bucket]!,
        stage: r.stage || null,
        segment: r.segment || null,
      })),
    );
  }
}

/** The next UTC month start strictly after `t`. */
function utcMonthStartAfter(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Above this many clients at once a regroup counts everything again (one scan per span). */
const REBUILD_ABOVE = 5_000;
const READ_CHUNK = 500;

/** clients.regrouped: a client's records leave its old segment's counts for its new one's. */
export async function regroupReportCounts(s: OrgScope, e: ClientsRegrouped): Promise<void> {
  const zone = await findZone(s.db, s.orgId);
  const moved = e.changes.filter((c) => c.before.segment !== c.after.segment);
  if (zone === undefined || moved.length === 0) return;
  if (moved.length > REBUILD_ABOVE) return rebuildReportCounts(s);
  const byClient = new Map(moved.map((c) => [c.clientId, c]));
  const ids = [...byClient.keys()];
  const facts: Fact[] = [];
  for (let i = 0; i < ids.length; i += READ_CHUNK)
    for (const r of await repo.reportRecordsOfClients(
      s.db,
      s.orgId,
      ids.slice(i, i + READ_CHUNK),
    )) {
      const c = byClient.get(r.clientId)!;
      const base = {
        at: r.receivedAt,
        stage: r.stage,
        channel: r.channel,
        scoreType: r.scoreType,
        score: r.score,
      };
      facts.push(
        { ...base, segment: c.before.segment, count: -1 },
        { ...base, segment: c.after.segment, count: 1 },
      );
    }
  // Days and months without the segment do not change.
  await addFacts(s, zone, facts, ['segments']);
  await repo.dropEmptyReportCounts(s.db, s.orgId);
}

/** A merge of stages moves the counts of one key onto the other (ADR 012). */
export async function mergeReportCounts(s: OrgScope, e: { fromKey: string; intoKey: string }) {
  await repo.moveReportStage(s.db, s.orgId, e.fromKey, e.intoKey);
}

/**
 * Counts of whole months [from, to) (YYYY-MM) or whole days [from, to) (YYYY-MM-DD) of
 * `timeZone`; null when the counts were kept in another zone (then the caller scans).
 */
export async function reportCountsOf(
  s: OrgScope,
  timeZone: string,
  range: { table: repo.ReportTable; from: string; to: string },
  q: repo.ReportCountsQuery,
): Promise<repo.SummedCount[] | null> {
  if ((await findZone(s.db, s.orgId)) !== timeZone) return null;
  return repo.sumReportCounts(s.db, s.orgId, range, q);
}
