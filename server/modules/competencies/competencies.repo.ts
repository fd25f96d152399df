// SQL of the competency models, settings and assessments. orgId first, always.
import type { CompetenciesTable, CompetencyAssessmentsTable, DbOrTrx } from '../../db/types.ts';

export async function listCompetencies(db: DbOrTrx, orgId: string): Promise<CompetenciesTable[]> {
  return db
    .selectFrom('competencies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name_en')
    .orderBy('id')
    .execute();
}

export async function findCompetency(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<CompetenciesTable | undefined> {
  return db
    .selectFrom('competencies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Which of `ids` are competencies of the organisation. */
export async function existingIds(db: DbOrTrx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('competencies')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertCompetency(db: DbOrTrx, row: CompetenciesTable): Promise<void> {
  await db.insertInto('competencies').values(row).execute();
}

export async function updateCompetency(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<CompetenciesTable>,
): Promise<void> {
  await db
    .updateTable('competencies')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteCompetency(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom('competencies')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function listTargets(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('competency_targets')
    .select(['position', 'competency_id', 'level'])
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

export async function replaceTargets(
  db: DbOrTrx,
  orgId: string,
  position: string,
  levels: [string, number][],
): Promise<void> {
  await db
    .deleteFrom('competency_targets')
    .where('org_id', '=', orgId)
    .where('position', '=', position)
    .execute();
  if (levels.length === 0) return;
  await db
    .insertInto('competency_targets')
    .values(
      levels.map(([competency_id, level]) => ({ org_id: orgId, position, competency_id, level })),
    )
    .execute();
}

export async function getThreshold(db: DbOrTrx, orgId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('competency_settings')
    .select('anonymity_threshold')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.anonymity_threshold;
}

export async function putThreshold(
  db: DbOrTrx,
  orgId: string,
  threshold: number,
  now: string,
): Promise<void> {
  await db
    .insertInto('competency_settings')
    .values({ org_id: orgId, anonymity_threshold: threshold, updated_at: now })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ anonymity_threshold: threshold, updated_at: now }),
    )
    .execute();
}

export async function insertAssessments(
  db: DbOrTrx,
  rows: CompetencyAssessmentsTable[],
): Promise<void> {
  if (rows.length) await db.insertInto('competency_assessments').values(rows).execute();
}

/** Every assessment of some employees (all of the organisation's when `employeeIds` is undefined). */
export async function assessmentsOf(
  db: DbOrTrx,
  orgId: string,
  employeeIds?: readonly string[],
): Promise<CompetencyAssessmentsTable[]> {
  if (employeeIds && employeeIds.length === 0) return [];
  let q = db.selectFrom('competency_assessments').selectAll().where('org_id', '=', orgId);
  if (employeeIds) q = q.where('employee_id', 'in', [...employeeIds]);
  return q.orderBy('assessed_at', 'desc').orderBy('id', 'desc').execute();
}
