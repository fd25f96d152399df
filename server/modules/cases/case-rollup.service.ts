// The case rollup (issue 16, ADR 015): the scorecard's case metrics per stage, month and quarter,
// kept in the transaction that changes a case (syncCaseRollup, called by the repo's writers) and
// read without touching the cases (caseRollupFigures). A write replaces the case's pieces
// (case-rollup.ts) and marks the figures they belong to dirty; the worker computes dirty figures
// again (sweepCaseRollup) and a reader computes a dirty one itself from its pieces, so a read
// never shows less than what is committed. Rebuilt when the time zone changes, and by the
// migration and bulk loads.
import type { Deps } from '../../deps.ts';
import type { OrgScope } from '../../context.ts';
import type { Sweep } from '../module.ts';
import { orgTimeZone } from '../orgs/index.ts';
import type { CaseEventsTable, CasesTable, SlaPoliciesTable } from '../../db/types.ts';
import { caseFactsOf, factsOf, type CaseFact } from './case-facts.ts';
import { caseRollupMembers, median, type RollupMetric } from './case-rollup.ts';
import * as repo from './case-rollup.repo.ts';

/** The zone the organisation's rollup is counted in (made on first use, as the migration does). */
async function zoneOf(s: OrgScope): Promise<string> {
  const zone = await repo.findZone(s.db, s.orgId);
  if (zone !== undefined) return zone;
  const now = await orgTimeZone(s);
  await repo.saveZone(s.db, s.orgId, now);
  return now;
}

/** Writes the cases' pieces again and marks what they counted for, before and after, dirty. */
export async function syncCaseRollup(s: OrgScope, caseIds: readonly string[]): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return;
  const zone = await zoneOf(s);
  const [facts, before] = await Promise.all([
    caseFactsOf(s, ids),
    repo.memberKeysOf(s.db, s.orgId, ids),
  ]);
  await repo.deleteMembersOf(s.db, s.orgId, ids);
  await writeMembers(s, facts, zone, before);
}

/**
 * syncCaseRollup for cases opened in this transaction (an intake group), from the rows just
 * written and the policies the caller read: no pieces to replace, nothing read again but the zone.
 */
export async function syncNewCasesRollup(
  s: OrgScope,
  cases: readonly CasesTable[],
  events: readonly CaseEventsTable[],
  policies: readonly SlaPoliciesTable[],
): Promise<void> {
  // The zone row is made on first use, as syncCaseRollup does, even when no case has a stage.
  const zone = await zoneOf(s);
  const staged = cases.filter((c) => c.stage !== null);
  if (staged.length > 0) await writeMembers(s, factsOf(staged, events, policies), zone, []);
}

/** The pieces the cases count for, each with its case. */
const piecesOf = (facts: readonly CaseFact[], zone: string) =>
  facts.flatMap((f) => caseRollupMembers(f, zone).map((m) => ({ ...m, caseId: f.id })));

const keyOf = (k: repo.FigureKey) => `${k.stage}|${k.period}|${k.metric}`;

/** Inserts the cases' pieces and marks what they and `before` counted for dirty. */
async function writeMembers(
  s: OrgScope,
  facts: readonly CaseFact[],
  zone: string,
  before: readonly repo.FigureKey[],
): Promise<void> {
  const members = piecesOf(facts, zone);
  await repo.insertMembers(s.db, s.orgId, members);
  const keys = new Map<string, repo.FigureKey>();
  for (const k of [...before, ...members])
    keys.set(keyOf(k), { stage: k.stage, period: k.period, metric: k.metric });
  await repo.markDirty(s.db, s.orgId, [...keys.values()]);
}

/** Cases per rebuild step. */
const REBUILD_STEP = 500;

/**
 * Counts every case of the organisation again, in its current time zone. The pieces are written
 * step by step, the figures once at the end from the values gathered on the way: marking the
 * figures dirty at every step (as a case write does) updated each figure row once per step, and
 * in the one transaction of a migration or bulk load PostgreSQL keeps every version — hundreds of
 * thousands of dead rows behind about a thousand live ones, which made the rebuild slow down step
 * after step and every read after it scan them (ADR 019).
 */
export async function rebuildCaseRollup(s: OrgScope): Promise<void> {
  await repo.clearRollup(s.db, s.orgId);
  const zone = await orgTimeZone(s);
  await repo.saveZone(s.db, s.orgId, zone);
  const values = new Map<string, { key: repo.FigureKey; values: number[] }>();
  let after: string | null = null;
  for (;;) {
    const ids = await repo.caseIdsAfter(s.db, s.orgId, after, REBUILD_STEP);
    if (ids.length === 0) break;
    const members = piecesOf(await caseFactsOf(s, ids), zone);
    await repo.insertMembers(s.db, s.orgId, members);
    for (const m of members) {
      const k = keyOf(m);
      const entry = values.get(k) ?? {
        key: { stage: m.stage, period: m.period, metric: m.metric },
        values: [],
      };
      entry.values.push(m.value);
      values.set(k, entry);
    }
    after = ids.at(-1)!;
  }
  await repo.insertFigures(
    s.db,
    s.orgId,
    [...values.values()].map((e) => ({ ...e.key, ...stored(e.key.metric, e.values) })),
  );
}

/** A merge moved cases onto `intoKey`: their pieces follow, the stage's figures are dirty. */
export async function mergeCaseRollup(s: OrgScope, e: { fromKey: string; intoKey: string }) {
  await s.db
    .updateTable('case_rollup_members')
    .set({ stage: e.intoKey })
    .where('org_id', '=', s.orgId)
    .where('stage', '=', e.fromKey)
    .execute();
  await s.db
    .deleteFrom('case_rollup_figures')
    .where('org_id', '=', s.orgId)
    .where('stage', '=', e.fromKey)
    .execute();
  await repo.markStageDirty(s.db, s.orgId, e.intoKey);
}

export interface CaseFigure {
  value: number | null;
  n: number | null;
}
export type CaseRollupFigures = Record<RollupMetric, CaseFigure>;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What a figure row keeps: the median, the count of ones, or the sum of the backlog changes. */
function stored(metric: string, values: readonly number[]): { value: number | null; n: number } {
  if (metric === 'ack' || metric === 'resolve') {
    const m = median(values);
    return { value: m === null ? null : round(m, 2), n: values.length };
  }
  return { value: values.reduce((a, b) => a + b, 0), n: values.length };
}

const share = (ones: number, whole: number): CaseFigure => ({
  value: whole === 0 ? null : round(ones / whole, 4),
  n: whole,
});

export interface RollupPeriod {
  label: string;
  from: string;
  to: string;
  months: string[];
}

/**
 * Per stage, the case figures of each period (oldest first) as the scorecard defines them
 * (scorecard/case-figures.ts); null when the rollup was counted in another time zone than
 * `timeZone` (the caller then reads the cases).
 */
export async function caseRollupFigures(
  s: OrgScope,
  q: { periods: readonly RollupPeriod[]; now: string; timeZone: string },
): Promise<Map<string, CaseRollupFigures[]> | null> {
  if ((await repo.findZone(s.db, s.orgId)) !== q.timeZone) return null;
  const rows = await repo.listFigures(
    s.db,
    s.orgId,
    q.periods.map((p) => p.label),
  );
  const figures = new Map<string, { value: number | null; n: number }>();
  for (const r of rows) {
    const key = `${r.stage}|${r.period}|${r.metric}`;
    figures.set(
      key,
      r.dirty
        ? stored(r.metric, await repo.memberValues(s.db, s.orgId, r))
        : { value: r.value === null ? null : Number(r.value), n: Number(r.n) },
    );
  }
  const stages = new Set(rows.map((r) => r.stage));
  const backlogMonths = new Map<string, [string, number][]>();
  for (const r of rows)
    if (r.metric === 'backlog') {
      const list = backlogMonths.get(r.stage) ?? [];
      list.push([r.period, figures.get(`${r.stage}|${r.period}|backlog`)!.value ?? 0]);
      backlogMonths.set(r.stage, list);
    }
  // Cases due after now are not due yet: the rollup counted them, the figures must not.
  const early = await Promise.all(
    q.periods.map((p) =>
      p.to > q.now ? repo.dueBetween(s.db, s.orgId, p.from, q.now, p.to) : Promise.resolve([]),
    ),
  );
  const out = new Map<string, CaseRollupFigures[]>();
  for (const stage of stages)
    out.set(
      stage,
      q.periods.map((p, i) => {
        const get = (metric: string) =>
          figures.get(`${stage}|${p.label}|${metric}`) ?? { value: null, n: 0 };
        const ack = get('ack');
        const resolve = get('resolve');
        const reopen = get('reopen');
        const sla = get('sla');
        const notYet = early[i]!.find((d) => d.stage === stage);
        const lastMonth = p.months.at(-1)!;
        const backlog = (backlogMonths.get(stage) ?? [])
          .filter(([month]) => month <= lastMonth)
          .reduce((a, [, d]) => a + d, 0);
        return {
          ack: { value: ack.value, n: ack.n },
          resolve: { value: resolve.value, n: resolve.n },
          reopen: share(reopen.value ?? 0, reopen.n),
          sla: share((sla.value ?? 0) - (notYet?.breached ?? 0), sla.n - (notYet?.due ?? 0)),
          backlog: p.from < q.now ? { value: backlog, n: backlog } : { value: null, n: null },
        };
      }),
    );
  return out;
}

/** Dirty figures per worker round; each batch is one short transaction. */
const SWEEP_BATCH = 50;

/** Computes dirty figures again; returns how many it computed. */
export async function sweepCaseRollup(deps: Deps): Promise<number> {
  const dirty = await repo.someDirty(deps.db, SWEEP_BATCH);
  if (dirty.length === 0) return 0;
  return deps.db.transaction().execute(async (trx) => {
    let done = 0;
    for (const d of dirty) {
      // Claiming first: on PostgreSQL a writer that marked it holds the row until it commits, so
      // the pieces read next include its change; one marking it later makes it dirty again.
      if (!(await repo.claimDirty(trx, d.org_id, d))) continue;
      const values = await repo.memberValues(trx, d.org_id, d);
      await repo.saveFigure(trx, d.org_id, d, stored(d.metric, values));
      done += 1;
    }
    return done;
  });
}

export const caseRollupSweeps = (deps: Deps): Sweep[] => [
  { name: 'cases.rollup', run: () => sweepCaseRollup(deps) },
];
