// The satisfaction report's counts (issue 20, ADR 020): records per score type and score, per
// month of the rollup's zone (with the client's segment) and per day of it, split by the UTC
// month the report groups months by, the stage and the channel. Kept in the same transactions as
// the score months (ADR 013) — intake, deletion, a client's new segment, a stage merge, a new
// zone — so the dashboard reads a few thousand counts instead of a year of records.
import type { OrgScope } from '../../context.ts';
import type { FeedbackTable, ScoreType } from '../../db/types.ts';
import { clientGroupsOf, type ClientsRegrouped } from '../clients/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import * as repo from './report-counts.repo.ts';
import { findZone, ROLLUP_SCORE_TYPES, saveZone } from './score-months.repo.ts';
import { dayLabel, dayOf, dayStart, monthOfDay, utcMonthOf } from './zone-days.ts';

export type { ReportCountsGroup, ReportCountsQuery, SummedCount } from './report-counts.repo.ts';

type Recorded = Pick<
  FeedbackTable,
  'client_id' | 'stage' | 'channel' | 'score_type' | 'score_value' | 'received_at'
>;

const counted = (r: Recorded) =>
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

/** Month and day rows of some records, summed per key; rows summing to 0 left out. */
async function addFacts(s: OrgScope, zone: string, facts: readonly Fact[]): Promise<void> {
  const months = new Map<string, repo.ReportMonthRow>();
  const days = new Map<string, repo.ReportDayRow>();
  for (const f of facts) {
    const d = dayOf(f.at, zone);
    const base = {
      utcMonth: utcMonthOf(f.at),
      stage: f.stage ?? '',
      channel: f.channel,
      scoreType: f.scoreType,
      score: f.score,
      count: f.count,
    };
    const tail = `${base.utcMonth}|${base.stage}|${base.channel}|${base.scoreType}|${base.score}`;
    const month = { ...base, month: monthOfDay(d), segment: f.segment ?? '' };
    const mk = `${month.month}|${month.segment}|${tail}`;
    const m = months.get(mk);
    if (m) m.count += f.count;
    else months.set(mk, month);
    const day = { ...base, day: dayLabel(d) };
    const dk = `${day.day}|${tail}`;
    const e = days.get(dk);
    if (e) e.count += f.count;
    else days.set(dk, day);
  }
  await repo.addReportMonths(
    s.db,
    s.orgId,
    [...months.values()].filter((r) => r.count !== 0),
  );
  await repo.addReportDays(
    s.db,
    s.orgId,
    [...days.values()].filter((r) => r.count !== 0),
  );
}

/**
 * Adds new records (inside the transaction that inserts them); `sign` -1 takes deleted records
 * out, from their client's current segment (where a regroup has moved them).
 */
export async function recordReportCounts(
  s: OrgScope,
  rows: readonly Recorded[],
  sign: 1 | -1 = 1,
): Promise<void> {
  const scored = rows.filter(counted);
  if (scored.length === 0) return;
  let zone = await findZone(s.db, s.orgId);
  if (zone === undefined) {
    // Nothing counted yet (the migrations made a zone row for every organisation with records).
    zone = await orgTimeZone(s);
    await saveZone(s.db, s.orgId, zone);
  }
  const ids = scored.flatMap((r) => (r.client_id ? [r.client_id] : []));
  const groups = ids.length > 0 ? await clientGroupsOf(s, ids) : new Map();
  await addFacts(
    s,
    zone,
    scored.map((r) => ({
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

/** clients.regrouped: a client's records leave its old segment's monthly counts for its new one's. */
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
  await addFactsMonthsOnly(s, zone, facts);
}

/** A segment move changes no day row (days have no segment): months only. */
async function addFactsMonthsOnly(s: OrgScope, zone: string, facts: readonly Fact[]) {
  const months = new Map<string, repo.ReportMonthRow>();
  for (const f of facts) {
    const r = {
      month: monthOfDay(dayOf(f.at, zone)),
      segment: f.segment ?? '',
      utcMonth: utcMonthOf(f.at),
      stage: f.stage ?? '',
      channel: f.channel,
      scoreType: f.scoreType,
      score: f.score,
      count: f.count,
    };
    const key = `${r.month}|${r.segment}|${r.utcMonth}|${r.stage}|${r.channel}|${r.scoreType}|${r.score}`;
    const m = months.get(key);
    if (m) m.count += f.count;
    else months.set(key, r);
  }
  await repo.addReportMonths(
    s.db,
    s.orgId,
    [...months.values()].filter((r) => r.count !== 0),
  );
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
  range: { table: 'months' | 'days'; from: string; to: string },
  q: repo.ReportCountsQuery,
): Promise<repo.SummedCount[] | null> {
  if ((await findZone(s.db, s.orgId)) !== timeZone) return null;
  return repo.sumReportCounts(s.db, s.orgId, range, q);
}
