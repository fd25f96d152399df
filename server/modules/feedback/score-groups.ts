// The feedback score rollup per client group (issue 16, ADR 017): the monthly counts of
// score-months.ts split by the segment and manager of each record's client, so a scorecard
// narrowed to a segment or a manager reads a few thousand counts instead of the records. Written
// with the monthly counts (same transaction, same zone), moved when a client changes segment or
// manager (the clients.regrouped hook), rebuilt with them when the time zone changes.
import type { OrgScope } from '../../context.ts';
import type { ClientGroup, ClientsRegrouped } from '../clients/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { monthIndex, monthLabel as label, monthOfInstant, monthStart } from '../cases/index.ts';
import * as repo from './score-groups.repo.ts';
import { findZone, receivedRange, type ScoreMonthRow } from './score-months.repo.ts';

type Counted = { client_id: string | null; stage: string | null; score_type: string | null };
type Scored = Counted & { score_value: number | null; received_at: string };

const keyOf = (r: repo.ScoreGroupRow) =>
  `${r.segment}|${r.manager}|${r.month}|${r.stage}|${r.scoreType}|${r.score}`;

/** Sums rows with the same key; rows that sum to nothing are left out. */
function summed(rows: Iterable<repo.ScoreGroupRow>): repo.ScoreGroupRow[] {
  const sums = new Map<string, repo.ScoreGroupRow>();
  for (const r of rows) {
    const key = keyOf(r);
    const row = sums.get(key);
    if (row) row.count += r.count;
    else sums.set(key, { ...r });
  }
  return [...sums.values()].filter((r) => r.count !== 0);
}

/** Rows per insert: eight parameters each, under SQLite's limit. */
const CHUNK = 1_500;
const addAll = async (s: OrgScope, rows: readonly repo.ScoreGroupRow[]) => {
  for (let i = 0; i < rows.length; i += CHUNK)
    await repo.addScoreGroups(s.db, s.orgId, rows.slice(i, i + CHUNK));
};

/** The groups of the records' clients by id (clientGroupsOf), read once per intake group. */
export type ClientGroups = ReadonlyMap<string, ClientGroup>;

/**
 * Adds new records (already filtered to the counted ones) in `zone`, the rollup's zone: inside
 * the transaction that inserts them, after the monthly counts; `sign` -1 takes deleted records
 * out of their client's current group (where a regroup has moved them). `groups` holds the
 * groups of the records' clients (score-months.ts reads them once for these and the report
 * counts).
 */
export async function recordScoreGroups(
  s: OrgScope,
  zone: string,
  groups: ClientGroups,
  rows: readonly Scored[],
  sign: 1 | -1 = 1,
): Promise<void> {
  await addAll(
    s,
    summed(
      rows.map((r) => {
        const g = r.client_id ? groups.get(r.client_id) : undefined;
        return {
          segment: g?.segment ?? '',
          manager: g?.managerId ?? '',
          month: monthOfInstant(new Date(r.received_at).toISOString(), zone),
          stage: r.stage!,
          scoreType: r.score_type as ScoreMonthRow['scoreType'],
          score: r.score_value!,
          count: sign,
        };
      }),
    ),
  );
  if (sign < 0) await repo.dropEmptyScoreGroups(s.db, s.orgId);
}

/** Months per rebuild scan: the bucket expression grows with them. */
const SPAN = 36;

/** Counts the organisation's records again per client group, in the rollup's zone. */
export async function rebuildScoreGroups(s: OrgScope): Promise<void> {
  const zone = (await findZone(s.db, s.orgId)) ?? (await orgTimeZone(s));
  await repo.clearScoreGroups(s.db, s.orgId);
  const range = await receivedRange(s.db, s.orgId);
  if (!range) return;
  const first = monthIndex(monthOfInstant(range.first, zone));
  const last = monthIndex(monthOfInstant(range.last, zone));
  for (let from = first; from <= last; from += SPAN) {
    const months = Array.from({ length: Math.min(SPAN, last - from + 1) }, (_, i) => from + i);
    const bounds = [...months, months.at(-1)! + 1].map((m) =>
      new Date(monthStart(m, zone)).toISOString(),
    );
    const rows = await repo.countGroupsByBucket(s.db, s.orgId, bounds);
    await addAll(
      s,
      rows.map(({ bucket, ...r }) => ({ ...r, month: label(months[bucket]!) })),
    );
  }
}

/** Above this many clients at once a regroup counts everything again (one scan). */
const REBUILD_ABOVE = 5_000;
const READ_CHUNK = 500;

/** clients.regrouped: each client's records leave its old group's counts for its new one's. */
export async function regroupScoreGroups(s: OrgScope, e: ClientsRegrouped): Promise<void> {
  const zone = await findZone(s.db, s.orgId);
  if (zone === undefined || e.changes.length === 0) return; // nothing counted yet
  if (e.changes.length > REBUILD_ABOVE) return rebuildScoreGroups(s);
  const byClient = new Map(e.changes.map((c) => [c.clientId, c]));
  const ids = [...byClient.keys()];
  const deltas: repo.ScoreGroupRow[] = [];
  for (let i = 0; i < ids.length; i += READ_CHUNK)
    for (const r of await repo.scoredRecordsOfClients(
      s.db,
      s.orgId,
      ids.slice(i, i + READ_CHUNK),
    )) {
      const change = byClient.get(r.clientId)!;
      const base = {
        month: monthOfInstant(r.receivedAt, zone),
        stage: r.stage,
        scoreType: r.scoreType,
        score: r.score,
      };
      const { before, after } = change;
      deltas.push(
        { ...base, segment: before.segment ?? '', manager: before.managerId ?? '', count: -1 },
        { ...base, segment: after.segment ?? '', manager: after.managerId ?? '', count: 1 },
      );
    }
  await addAll(s, summed(deltas));
}

/** A merge of stages moves the counts of one key onto the other (ADR 012). */
export async function mergeScoreGroups(
  s: OrgScope,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  await repo.moveGroupStage(s.db, s.orgId, e.fromKey, e.intoKey);
}

/**
 * The counts of months [fromMonth, toMonth) of one segment's or one manager's clients (or
 * both), counted in `timeZone`; null when the rollup was counted in another zone.
 */
export async function scoreGroupsOf(
  s: OrgScope,
  q: {
    fromMonth: string;
    toMonth: string;
    timeZone: string;
    stage?: string;
    segment?: string;
    managerId?: string;
  },
): Promise<ScoreMonthRow[] | null> {
  if ((await findZone(s.db, s.orgId)) !== q.timeZone) return null;
  return repo.sumScoreGroups(s.db, s.orgId, { ...q, manager: q.managerId });
}
