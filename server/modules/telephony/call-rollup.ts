// The phone-line rollup (issue 16, ADR 016): per period of the organisation's time zone (month
// YYYY-MM and quarter YYYY-Qn) and stage key, additive sums of its calls, so the scorecard reads
// its phone metrics in one query instead of aggregating every call. Written by delta (a call's
// old contribution out, the new one in) in the transaction that stores or re-links calls, moved by
// a stage merge, rebuilt when the time zone or the call-back target changes and by the migration.
// A missed call without a call-back still inside its target window at `now` is `pending` and left
// out of the call-back share: the rollup keeps all open missed calls and the reader takes away
// those started after now − target (few rows, through the started_at index).
import type { Ctx, OrgScope } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { DEFAULT_CALLBACK_TARGET_MINUTES } from '../../../shared/api/telephony.ts';
import { monthIndexOf, monthLabel, quarterLabel } from '../cases/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { isMissed } from './callbacks.ts';
import { round, share } from './operations.ts';
import * as repo from './call-rollup.repo.ts';
import { findSettings } from './telephony.repo.ts';

const MINUTE = 60_000;
/** The month and quarter labels of the zone an instant falls in, by the scorecard's boundaries. */
export function periodsOfInstant(instant: string, timeZone: string): [string, string] {
  const m = monthIndexOf(Date.parse(instant), timeZone);
  return [monthLabel(m), quarterLabel(m)];
}

export interface RollupCall {
  started_at: string | Date;
  direction: 'in' | 'out';
  answered: number;
  wait_seconds: number;
  stage: string | null;
  callback_at: string | Date | null;
}

const iso = (t: string | Date) => new Date(t).toISOString();

/** Adds (sign 1) or takes away (sign −1) the calls' sums into `into`, keyed period|stage. */
function addCalls(
  into: Map<string, repo.RollupRow>,
  calls: readonly RollupCall[],
  sign: 1 | -1,
  zone: { time_zone: string; target_minutes: number },
): void {
  for (const c of calls) {
    const stage = c.stage ?? 'none';
    const answered = Number(c.answered) as 0 | 1;
    const inbound = c.direction === 'in';
    const missed = isMissed({ direction: c.direction, answered });
    const started = Date.parse(iso(c.started_at));
    const linked = missed && c.callback_at !== null;
    const within =
      linked && Date.parse(iso(c.callback_at!)) - started <= zone.target_minutes * MINUTE;
    for (const period of periodsOfInstant(iso(c.started_at), zone.time_zone)) {
      const key = `${period}|${stage}`;
      let row = into.get(key);
      if (!row) {
        row = {
          period,
          stage,
          ...Object.fromEntries(repo.SUM_COLUMNS.map((k) => [k, 0])),
        } as repo.RollupRow;
        into.set(key, row);
      }
      row.calls += sign;
      row.answered += sign * answered;
      row.inbound += sign * (inbound ? 1 : 0);
      row.missed += sign * (missed ? 1 : 0);
      row.wait_sum += sign * (inbound ? Number(c.wait_seconds) : 0);
      row.within_target += sign * (within ? 1 : 0);
      row.missed_linked += sign * (linked ? 1 : 0);
      row.missed_open += sign * (missed && !linked ? 1 : 0);
    }
  }
}

async function targetMinutesOf(s: OrgScope): Promise<number> {
  return (
    (await findSettings(s.db, s.orgId))?.callback_target_minutes ?? DEFAULT_CALLBACK_TARGET_MINUTES
  );
}

/**
 * Applies stored or changed calls to the rollup, inside the transaction that writes them:
 * `removed` are the calls' rows as they were, `added` as they are now.
 */
export async function recordCallChanges(
  s: OrgScope,
  change: { removed: readonly RollupCall[]; added: readonly RollupCall[] },
): Promise<void> {
  if (change.removed.length === 0 && change.added.length === 0) return;
  let zone = await repo.findZone(s.db, s.orgId);
  if (zone === undefined) {
    // No rollup yet: the organisation had no calls (the migration counted every organisation
    // that existed), so the empty rollup is right in its zone.
    zone = { time_zone: await orgTimeZone(s), target_minutes: await targetMinutesOf(s) };
    await repo.saveZone(s.db, s.orgId, zone);
  }
  const sums = new Map<string, repo.RollupRow>();
  addCalls(sums, change.removed, -1, zone);
  addCalls(sums, change.added, 1, zone);
  const rows = [...sums.values()].filter((r) => repo.SUM_COLUMNS.some((k) => r[k] !== 0));
  await repo.addRollups(s.db, s.orgId, rows);
}

/** Calls per rebuild page. */
const PAGE = 5_000;

/**
 * Counts the organisation's calls again, in its current zone and call-back target: after either
 * changed, after a bulk load that wrote rows directly (the benchmark), or as a repair.
 */
export async function rebuildCallRollup(s: OrgScope): Promise<void> {
  const zone = { time_zone: await orgTimeZone(s), target_minutes: await targetMinutesOf(s) };
  await repo.clearRollups(s.db, s.orgId);
  await repo.saveZone(s.db, s.orgId, zone);
  const sums = new Map<string, repo.RollupRow>();
  let after: string | null = null;
  for (;;) {
    const page = await repo.listCallFactsPage(s.db, s.orgId, after, PAGE);
    addCalls(sums, page, 1, zone);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  await repo.addRollups(s.db, s.orgId, [...sums.values()]);
}

/** A merge of stages moves the sums of one key onto the other (ADR 012). */
export async function mergeCallRollup(
  s: OrgScope,
  e: { fromKey: string; intoKey: string },
): Promise<void> {
  // Calls without a stage are counted under `none`: a merge naming that key recounts.
  if (e.fromKey === 'none' || e.intoKey === 'none') return rebuildCallRollup(s);
  const moved = await repo.takeStage(s.db, s.orgId, e.fromKey);
  await repo.addRollups(
    s.db,
    s.orgId,
    moved.map((r) => ({ ...r, stage: e.intoKey })),
  );
}

/** The phone figures of one stage and period the scorecard shows (as getOperationsMetrics). */
export interface PhoneFigures {
  calls: number;
  answeredShare: number | null;
  missedShare: number | null;
  avgWaitSeconds: number | null;
  callbackWithinTargetShare: number | null;
}

/**
 * Per period (in order), the figures of each stage key from the rollup, equal to
 * getOperationsMetrics grouped by stage over the period; null when the rollup was counted in
 * another zone or call-back target (or not at all), and the caller must read the calls.
 */
export async function phoneMetricsByPeriod(
  ctx: Ctx,
  q: { timeZone: string; periods: readonly { label: string; from: string; to: string }[] },
): Promise<Map<string, PhoneFigures>[] | null> {
  assertCan(ctx.actor, 'data.read');
  if (q.periods.length === 0) return [];
  const [zone, target] = await Promise.all([
    repo.findZone(ctx.db, ctx.orgId),
    targetMinutesOf(ctx),
  ]);
  if (zone?.time_zone !== q.timeZone || zone.target_minutes !== target) return null;
  const after = new Date(ctx.clock.now().getTime() - target * MINUTE).toISOString();
  const [rows, open] = await Promise.all([
    repo.listRollups(
      ctx.db,
      ctx.orgId,
      q.periods.map((p) => p.label),
    ),
    repo.listOpenMissedSince(ctx.db, ctx.orgId, {
      after,
      from: q.periods[0]!.from,
      to: q.periods.at(-1)!.to,
    }),
  ]);
  const pending = new Map<string, number>();
  for (const c of open) {
    const t = Date.parse(iso(c.started_at));
    const p = q.periods.find((x) => Date.parse(x.from) <= t && t < Date.parse(x.to));
    if (!p) continue;
    const key = `${p.label}|${c.stage ?? 'none'}`;
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const byLabel = new Map(q.periods.map((p) => [p.label, new Map<string, PhoneFigures>()]));
  for (const r of rows) {
    if (r.calls === 0) continue;
    const decided = r.missed_linked + r.missed_open - (pending.get(`${r.period}|${r.stage}`) ?? 0);
    byLabel.get(r.period)?.set(r.stage, {
      calls: r.calls,
      answeredShare: share(r.answered, r.calls),
      missedShare: share(r.missed, r.inbound),
      avgWaitSeconds: r.inbound === 0 ? null : round(r.wait_sum / r.inbound, 2),
      callbackWithinTargetShare: share(r.within_target, decided),
    });
  }
  return q.periods.map((p) => byLabel.get(p.label)!);
}
