// The feedback score rollup (issue 16, ADR 013): how many records of each stage, score type and
// score arrived in each month of the organisation's time zone. Written in the intake transaction
// with the records (nothing to reconcile after a crash), rebuilt when the time zone changes and
// by the migration; the scorecard's satisfaction layer reads it for windows of whole months
// instead of scanning the records. A month is counted by the same boundary instants the
// scorecard's periods use (zonedTimeToInstant of the 1st, 00:00), so both paths agree.
import type { OrgScope } from '../../context.ts';
import type { FeedbackTable } from '../../db/types.ts';
import { monthIndex, monthLabel as label, monthOfInstant, monthStart } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { clientGroupsOf } from '../clients/index.ts';
import { reportCounted, recordReportCounts } from './report-counts.ts';
import { recordScoreGroups, type ClientGroups } from './score-groups.ts';
import * as repo from './score-months.repo.ts';

export type { ScoreMonthRow } from './score-months.repo.ts';

const counted = (r: Pick<FeedbackTable, 'stage' | 'score_type' | 'score_value'>) =>
  r.stage !== null &&
  r.score_value !== null &&
  r.score_type !== null &&
  repo.ROLLUP_SCORE_TYPES.includes(r.score_type);

/**
 * Adds new records to the rollup (inside the transaction that inserts them); `sign` -1 takes
 * deleted records back out (issue 19). The report counts (ADR 020) and the group counts
 * (ADR 017) are kept here too: the rollup's zone and the clients' groups are read once for the
 * three (one intake group, one lookup each).
 */
export async function recordScoreMonths(
  s: OrgScope,
  rows: readonly Pick<
    FeedbackTable,
    'client_id' | 'stage' | 'channel' | 'score_type' | 'score_value' | 'received_at'
  >[],
  sign: 1 | -1 = 1,
): Promise<void> {
  // The report's counts hold records without a stage too (ADR 020): they are the widest set, so
  // their zone and their clients serve the counts below.
  const reported = rows.filter(reportCounted);
  if (reported.length === 0) return;
  let zone = await repo.findZone(s.db, s.orgId);
  if (zone === undefined) {
    // No rollup yet: the organisation has no records it counts (the migration made a zone row
    // for every organisation that existed), so the empty rollup is right in its zone.
    zone = await orgTimeZone(s);
    await repo.saveZone(s.db, s.orgId, zone);
  }
  const ids = reported.flatMap((r) => (r.client_id ? [r.client_id] : []));
  const groups: ClientGroups = ids.length > 0 ? await clientGroupsOf(s, ids) : new Map();
  await recordReportCounts(s, zone, groups, reported, sign);
  const scored = reported.filter(counted);
  if (scored.length === 0) return;
  const sums = new Map<string, repo.ScoreMonthRow>();
  for (const r of scored) {
    const month = monthOfInstant(new Date(r.received_at).toISOString(), zone);
    const key = `${month}|${r.stage}|${r.score_type}|${r.score_value}`;
    const row = sums.get(key);
    if (row) row.count += sign;
    else
      sums.set(key, {
        month,
        stage: r.stage!,
        scoreType: r.score_type!,
        score: r.score_value!,
        count: sign,
      });
  }
  await repo.addScoreMonths(s.db, s.orgId, [...sums.values()]);
  if (sign < 0) await repo.dropEmptyScoreMonths(s.db, s.orgId);
  await recordScoreGroups(s, zone, groups, scored, sign);
}

/** Months per rebuild scan: the bucket expression grows with them. */
const SPAN = 36;
/** Rows per insert: six parameters each, under SQLite's limit. */
const CHUNK = 2_000;

/**
 * Counts the organisation's records again, in its current time zone: after the zone changed,
 * after a bulk load that wrote rows directly (the benchmark), or as a repair.
 */
export async function rebuildScoreMonths(s: OrgScope): Promise<void> {
  const zone = await orgTimeZone(s);
  await repo.clearScoreMonths(s.db, s.orgId);
  await repo.saveZone(s.db, s.orgId, zone);
  const range = await repo.receivedRange(s.db, s.orgId);
  if (!range) return;
  const first = monthIndex(monthOfInstant(range.first, zone));
  const last = monthIndex(monthOfInstant(range.last, zone));
  for (let from = first; from <= last; from += SPAN) {
    const months = Array.from({ length: Math.min(SPAN, last - from + 1) }, (_, i) => from + i);
    const bounds = [...months, months.at(-1)! + 1].map((m) =>
      new Date(monthStart(m, zone)).toISOString(),
    );
    const rows = (await repo.countByBucket(s.db, s.orgId, bounds)).map((r) => ({
      month: label(months[r.bucket]!),
      stage: r.stage,
      scoreType: r.scoreType,
      score: r.score,
      count: r.count,
    }));
    for (let i = 0; i < rows.length; i += CHUNK)
      await repo.addScoreMonths(s.db, s.orgId, rows.slice(i, i + CHUNK));
  }
}

/**
 * The rollup's counts of months [fromMonth, toMonth) counted in `timeZone`; null when the rollup
 * was counted in another zone (or not at all), and the caller must read the records.
 */
export async function scoreMonthsOf(
  s: OrgScope,
  q: { fromMonth: string; toMonth: string; timeZone: string; stage?: string },
): Promise<repo.ScoreMonthRow[] | null> {
  if ((await repo.findZone(s.db, s.orgId)) !== q.timeZone) return null;
  return repo.listScoreMonths(s.db, s.orgId, q);
}

/** A merge of stages moves the counts of one key onto the other (ADR 012). */
export async function mergeScoreMonths(
  s: OrgScope,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  await repo.moveStage(s.db, s.orgId, e.fromKey, e.intoKey);
}
