// The only file of the scorecard module with SQL: process KPIs and their values. orgId first.
import type { DbOrTrx, KpisTable, KpiValuesTable } from '../../db/types.ts';

export async function listKpis(db: DbOrTrx, orgId: string): Promise<KpisTable[]> {
  return db.selectFrom('kpis').selectAll().where('org_id', '=', orgId).orderBy('key').execute();
}

export async function findKpi(
  db: DbOrTrx,
  orgId: string,
  key: string,
): Promise<KpisTable | undefined> {
  return db
    .selectFrom('kpis')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertKpi(db: DbOrTrx, row: KpisTable): Promise<void> {
  await db.insertInto('kpis').values(row).execute();
}

export async function updateKpi(
  db: DbOrTrx,
  orgId: string,
  id: string,
  set: Partial<KpisTable>,
): Promise<void> {
  await db.updateTable('kpis').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function deleteKpi(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('kpi_values').where('org_id', '=', orgId).where('kpi_id', '=', id).execute();
  await db.deleteFrom('kpis').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Inserts or replaces each value (one per KPI, stage and month). */
export async function upsertValues(db: DbOrTrx, rows: readonly KpiValuesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('kpi_values')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['kpi_id', 'stage', 'period']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          target: eb.ref('excluded.target'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

export interface ValueFilter {
  kpiId?: string;
  stage?: string;
  /** Months YYYY-MM: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}

export async function listValues(
  db: DbOrTrx,
  orgId: string,
  f: ValueFilter,
): Promise<KpiValuesTable[]> {
  let q = db.selectFrom('kpi_values').selectAll().where('org_id', '=', orgId);
  if (f.kpiId) q = q.where('kpi_id', '=', f.kpiId);
  if (f.stage !== undefined) q = q.where('stage', '=', f.stage);
  if (f.from) q = q.where('period', '>=', f.from);
  if (f.to) q = q.where('period', '<', f.to);
  return q.orderBy('period').orderBy('stage').execute();
}

export async function stageHasValues(db: DbOrTrx, orgId: string, stage: string): Promise<boolean> {
  const row = await db
    .selectFrom('kpi_values')
    .select('kpi_id')
    .where('org_id', '=', orgId)
    .where('stage', '=', stage)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Values of stage `fromKey` move to `intoKey`. Where both stages have a value for the same KPI
 * and month, the surviving stage's value stands and the merged one's is dropped.
 */
export async function mergeStageValues(
  db: DbOrTrx,
  orgId: string,
  fromKey: string,
  intoKey: string,
): Promise<void> {
  await db
    .deleteFrom('kpi_values')
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('kpi_values as kept')
          .select('kept.kpi_id')
          .where('kept.org_id', '=', orgId)
          .where('kept.stage', '=', intoKey)
          .whereRef('kept.kpi_id', '=', 'kpi_values.kpi_id')
          .whereRef('kept.period', '=', 'kpi_values.period'),
      ),
    )
    .execute();
  await db
    .updateTable('kpi_values')
    .set({ stage: intoKey })
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
}
