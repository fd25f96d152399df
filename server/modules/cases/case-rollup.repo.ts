// SQL of the case rollup (migration 0034, ADR 015): the pieces each case counts for, the figure
// of each (stage, period, metric) with its dirty flag, and the zone the periods were counted in.
// orgId first.
import { sql } from 'kysely';
import { insertRows } from '../../db/bulk.ts';
import type { DbOrTrx } from '../../db/types.ts';
import { OPEN_CASE_STATUSES } from '../../../shared/domain/vocabulary.ts';
import type { RollupMember } from './case-rollup.ts';

export interface FigureKey {
  stage: string;
  period: string;
  metric: string;
}

/** A page of the organisation's case ids, in id order, after `after` (the rebuild). */
export async function caseIdsAfter(
  db: DbOrTrx,
  orgId: string,
  after: string | null,
  limit: number,
) {
  let q = db.selectFrom('cases').select('id').where('org_id', '=', orgId);
  // Ids are uuid on PostgreSQL: no text below every id to start from.
  if (after !== null) q = q.where('id', '>', after);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

export async function findZone(db: DbOrTrx, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_rollup_zones')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.time_zone;
}

export async function saveZone(db: DbOrTrx, orgId: string, timeZone: string): Promise<void> {
  await db
    .insertInto('case_rollup_zones')
    .values({ org_id: orgId, time_zone: timeZone })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ time_zone: timeZone }))
    .execute();
}

/** The (stage, period, metric) keys the cases count for now. */
export async function memberKeysOf(db: DbOrTrx, orgId: string, caseIds: readonly string[]) {
  return db
    .selectFrom('case_rollup_members')
    .select(['stage', 'period', 'metric'])
    .distinct()
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .execute();
}

export async function deleteMembersOf(db: DbOrTrx, orgId: string, caseIds: readonly string[]) {
  await db
    .deleteFrom('case_rollup_members')
    .where('org_id', '=', orgId)
    .where('case_id', 'in', caseIds)
    .execute();
}

/** Rows per markDirty statement: seven parameters each, under SQLite's limit. */
const CHUNK = 1_000;

/** The pieces of cases, in multi-row statements (db/bulk.ts). */
export async function insertMembers(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (RollupMember & { caseId: string })[],
): Promise<void> {
  await insertRows(
    db,
    'case_rollup_members',
    rows.map((r) => ({
      org_id: orgId,
      case_id: r.caseId,
      stage: r.stage,
      period: r.period,
      metric: r.metric,
      value: r.value,
    })),
  );
}

/** Marks figures to be computed again (a row is made for a key seen the first time). */
export async function markDirty(db: DbOrTrx, orgId: string, keys: readonly FigureKey[]) {
  for (let i = 0; i < keys.length; i += CHUNK)
    await db
      .insertInto('case_rollup_figures')
      .values(
        keys.slice(i, i + CHUNK).map((k) => ({ org_id: orgId, ...k, value: null, n: 0, dirty: 1 })),
      )
      .onConflict((oc) =>
        oc.columns(['org_id', 'stage', 'period', 'metric']).doUpdateSet({ dirty: 1 }),
      )
      .execute();
}

/** Figures computed at once (the rebuild, after clearRollup): clean rows. */
export async function insertFigures(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (FigureKey & { value: number | null; n: number })[],
): Promise<void> {
  await insertRows(
    db,
    'case_rollup_figures',
    rows.map((r) => ({ org_id: orgId, ...r, dirty: 0 })),
  );
}

/** The figures of the periods (every metric but the backlog) and every backlog month. */
export async function listFigures(db: DbOrTrx, orgId: string, periods: readonly string[]) {
  return db
    .selectFrom('case_rollup_figures')
    .select(['stage', 'period', 'metric', 'value', 'n', 'dirty'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('period', 'in', periods), eb('metric', '!=', 'backlog')]),
        eb('metric', '=', 'backlog'),
      ]),
    )
    .execute();
}

/** The members' values of one key. */
export async function memberValues(db: DbOrTrx, orgId: string, k: FigureKey): Promise<number[]> {
  const rows = await db
    .selectFrom('case_rollup_members')
    .select('value')
    .where('org_id', '=', orgId)
    .where('stage', '=', k.stage)
    .where('period', '=', k.period)
    .where('metric', '=', k.metric)
    .execute();
  return rows.map((r) => Number(r.value));
}

/** Some dirty figures, of any organisation (the worker's sweep). */
export async function someDirty(db: DbOrTrx, limit: number) {
  return db
    .selectFrom('case_rollup_figures')
    .select(['org_id', 'stage', 'period', 'metric'])
    .where('dirty', '=', 1)
    .limit(limit)
    .execute();
}

/** The organisation's dirty figures (the rebuild computes them at once). */
export async function dirtyOfOrg(db: DbOrTrx, orgId: string): Promise<FigureKey[]> {
  return db
    .selectFrom('case_rollup_figures')
    .select(['stage', 'period', 'metric'])
    .where('org_id', '=', orgId)
    .where('dirty', '=', 1)
    .execute();
}

/** Claims a dirty figure (on PostgreSQL this waits for a writer marking it); false if clean. */
export async function claimDirty(db: DbOrTrx, orgId: string, k: FigureKey): Promise<boolean> {
  const r = await db
    .updateTable('case_rollup_figures')
    .set({ dirty: 0 })
    .where('org_id', '=', orgId)
    .where('stage', '=', k.stage)
    .where('period', '=', k.period)
    .where('metric', '=', k.metric)
    .where('dirty', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function saveFigure(
  db: DbOrTrx,
  orgId: string,
  k: FigureKey,
  f: { value: number | null; n: number },
) {
  await db
    .updateTable('case_rollup_figures')
    .set({ value: f.value, n: f.n })
    .where('org_id', '=', orgId)
    .where('stage', '=', k.stage)
    .where('period', '=', k.period)
    .where('metric', '=', k.metric)
    .execute();
}

/**
 * Per stage, cases due in [from, to) but after `now`: how many, and how many the rollup counted
 * breached (a due time not reached yet was counted with the case as it is now).
 */
export async function dueBetween(
  db: DbOrTrx,
  orgId: string,
  from: string,
  now: string,
  to: string,
) {
  const rows = await db
    .selectFrom('cases')
    .select([
      'stage',
      (eb) => eb.fn.countAll<number>().as('due'),
      sql<number>`sum(case when breached_at is not null or status in (${sql.join(
        OPEN_CASE_STATUSES.map((s) => sql.lit(s)),
      )}) then 1 else 0 end)`.as('breached'),
    ])
    .where('org_id', '=', orgId)
    .where('stage', 'is not', null)
    .where('due_at', '>=', from)
    .where('due_at', '>', now)
    .where('due_at', '<', to)
    .groupBy('stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage!, due: Number(r.due), breached: Number(r.breached) }));
}

/** Everything of the organisation's rollup (the rebuild starts from nothing). */
export async function clearRollup(db: DbOrTrx, orgId: string): Promise<void> {
  await db.deleteFrom('case_rollup_members').where('org_id', '=', orgId).execute();
  await db.deleteFrom('case_rollup_figures').where('org_id', '=', orgId).execute();
}

/** Every key of a stage dirty (after a merge moved members onto it). */
export async function markStageDirty(db: DbOrTrx, orgId: string, stage: string): Promise<void> {
  await db
    .deleteFrom('case_rollup_figures')
    .where('org_id', '=', orgId)
    .where('stage', '=', stage)
    .execute();
  await db
    .insertInto('case_rollup_figures')
    .columns(['org_id', 'stage', 'period', 'metric', 'value', 'n', 'dirty'])
    .expression(
      db
        .selectFrom('case_rollup_members')
        .select([
          'org_id',
          'stage',
          'period',
          'metric',
          sql<number>`0`.as('value'),
          sql`0`.as('n'),
          sql`1`.as('dirty'),
        ])
        .distinct()
        .where('org_id', '=', orgId)
        .where('stage', '=', stage),
    )
    .execute();
}
