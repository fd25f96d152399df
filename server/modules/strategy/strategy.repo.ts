// The only file of the strategy module with SQL. orgId first, always.
import type {
  DbOrTrx,
  StrategyGoalItemsTable,
  StrategyGoalsTable,
  StrategyKpisTable,
  StrategyKpiValuesTable,
} from '../../db/types.ts';

type GoalSet = Partial<Omit<StrategyGoalsTable, 'id' | 'org_id' | 'created_at'>>;
type KpiSet = Partial<Omit<StrategyKpisTable, 'id' | 'org_id' | 'goal_id' | 'created_at'>>;

export async function insertGoal(db: DbOrTrx, row: StrategyGoalsTable): Promise<void> {
  await db.insertInto('strategy_goals').values(row).execute();
}

export async function findGoal(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('strategy_goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation's goals, oldest first (the order of the boxes in each band). */
export async function listGoals(db: DbOrTrx, orgId: string): Promise<StrategyGoalsTable[]> {
  return db
    .selectFrom('strategy_goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

export async function updateGoal(db: DbOrTrx, orgId: string, id: string, set: GoalSet) {
  await db
    .updateTable('strategy_goals')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Deletes a goal with its arrows, KPIs (and their values) and item links. */
export async function deleteGoal(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  const kpis = db
    .selectFrom('strategy_kpis')
    .select('id')
    .where('org_id', '=', orgId)
    .where('goal_id', '=', id);
  await db
    .deleteFrom('strategy_kpi_values')
    .where('org_id', '=', orgId)
    .where('kpi_id', 'in', kpis)
    .execute();
  await db
    .deleteFrom('strategy_kpis')
    .where('org_id', '=', orgId)
    .where('goal_id', '=', id)
    .execute();
  await db
    .deleteFrom('strategy_goal_items')
    .where('org_id', '=', orgId)
    .where('goal_id', '=', id)
    .execute();
  await db
    .deleteFrom('strategy_arrows')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('cause_goal_id', '=', id), eb('effect_goal_id', '=', id)]))
    .execute();
  const r = await db
    .deleteFrom('strategy_goals')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listArrows(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('strategy_arrows')
    .select(['cause_goal_id', 'effect_goal_id'])
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('cause_goal_id')
    .orderBy('effect_goal_id')
    .execute();
}

export async function insertArrow(
  db: DbOrTrx,
  orgId: string,
  cause: string,
  effect: string,
  at: string,
) {
  await db
    .insertInto('strategy_arrows')
    .values({ org_id: orgId, cause_goal_id: cause, effect_goal_id: effect, created_at: at })
    .execute();
}

export async function deleteArrow(db: DbOrTrx, orgId: string, cause: string, effect: string) {
  const r = await db
    .deleteFrom('strategy_arrows')
    .where('org_id', '=', orgId)
    .where('cause_goal_id', '=', cause)
    .where('effect_goal_id', '=', effect)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertKpi(db: DbOrTrx, row: StrategyKpisTable): Promise<void> {
  await db.insertInto('strategy_kpis').values(row).execute();
}

export async function findKpi(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('strategy_kpis')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listKpis(
  db: DbOrTrx,
  orgId: string,
  goalId?: string,
): Promise<StrategyKpisTable[]> {
  let q = db.selectFrom('strategy_kpis').selectAll().where('org_id', '=', orgId);
  if (goalId !== undefined) q = q.where('goal_id', '=', goalId);
  return q.orderBy('created_at').orderBy('id').limit(2000).execute();
}

export async function updateKpi(db: DbOrTrx, orgId: string, id: string, set: KpiSet) {
  await db
    .updateTable('strategy_kpis')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteKpi(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  await db
    .deleteFrom('strategy_kpi_values')
    .where('org_id', '=', orgId)
    .where('kpi_id', '=', id)
    .execute();
  const r = await db
    .deleteFrom('strategy_kpis')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Replaces the value of (kpi, day). */
export async function putKpiValue(db: DbOrTrx, row: StrategyKpiValuesTable): Promise<void> {
  await db
    .insertInto('strategy_kpi_values')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['kpi_id', 'on_date'])
        .doUpdateSet({ value: row.value, updated_at: row.updated_at }),
    )
    .execute();
}

export async function deleteKpiValue(db: DbOrTrx, orgId: string, kpiId: string, onDate: string) {
  const r = await db
    .deleteFrom('strategy_kpi_values')
    .where('org_id', '=', orgId)
    .where('kpi_id', '=', kpiId)
    .where('on_date', '=', onDate)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Values of the KPIs, newest day first. */
export async function listKpiValues(db: DbOrTrx, orgId: string, kpiIds: readonly string[]) {
  if (kpiIds.length === 0) return [];
  return db
    .selectFrom('strategy_kpi_values')
    .select(['kpi_id', 'on_date', 'value'])
    .where('org_id', '=', orgId)
    .where('kpi_id', 'in', kpiIds)
    .orderBy('on_date', 'desc')
    .limit(10_000)
    .execute();
}

export async function listItems(db: DbOrTrx, orgId: string, goalId?: string) {
  let q = db.selectFrom('strategy_goal_items').selectAll().where('org_id', '=', orgId);
  if (goalId !== undefined) q = q.where('goal_id', '=', goalId);
  return q.orderBy('created_at').orderBy('item_id').limit(5000).execute();
}

export async function insertItem(db: DbOrTrx, row: StrategyGoalItemsTable): Promise<boolean> {
  const r = await db
    .insertInto('strategy_goal_items')
    .values(row)
    .onConflict((oc) => oc.columns(['goal_id', 'item_kind', 'item_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteItem(
  db: DbOrTrx,
  orgId: string,
  goalId: string,
  kind: string,
  itemId: string,
) {
  const r = await db
    .deleteFrom('strategy_goal_items')
    .where('org_id', '=', orgId)
    .where('goal_id', '=', goalId)
    .where('item_kind', '=', kind as StrategyGoalItemsTable['item_kind'])
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
