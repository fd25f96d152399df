// The only file of the care module with SQL. orgId first, always.
import { sql } from 'kysely';
import type {
  ClientNotesTable,
  DbOrTrx,
  ImportantDatesTable,
  RequirementsTable,
  RequirementVersionsTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { likeContains } from '../../db/like.ts';

export async function insertDate(db: DbOrTrx, row: ImportantDatesTable): Promise<void> {
  await db.insertInto('important_dates').values(row).execute();
}

export async function getDate(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<ImportantDatesTable> {
  const row = await db
    .selectFrom('important_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Date');
  return row;
}

export async function listDates(
  db: DbOrTrx,
  orgId: string,
  clientId?: string,
): Promise<ImportantDatesTable[]> {
  let q = db.selectFrom('important_dates').selectAll().where('org_id', '=', orgId);
  if (clientId) q = q.where('client_id', '=', clientId);
  return q.orderBy('id').execute();
}

export async function updateDate(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<ImportantDatesTable>,
): Promise<void> {
  await db
    .updateTable('important_dates')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteDate(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('important_dates').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function insertRequirement(db: DbOrTrx, row: RequirementsTable): Promise<void> {
  await db.insertInto('requirements').values(row).execute();
}

export async function getRequirement(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<RequirementsTable> {
  const row = await db
    .selectFrom('requirements')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Requirement');
  return row;
}

export async function updateRequirement(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<RequirementsTable>,
): Promise<void> {
  await db
    .updateTable('requirements')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listRequirements(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  status?: RequirementsTable['status'],
): Promise<RequirementsTable[]> {
  let q = db
    .selectFrom('requirements')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('id').execute();
}

/** Across clients, with the client's name; `q` is already lower-cased the way search_text is. */
export async function searchRequirements(
  db: DbOrTrx,
  orgId: string,
  f: { q?: string; status?: RequirementsTable['status']; stages?: string[]; limit: number },
) {
  let q = db
    .selectFrom('requirements as r')
    .innerJoin('clients as c', (j) =>
      j.onRef('c.id', '=', 'r.client_id').onRef('c.org_id', '=', 'r.org_id'),
    )
    .selectAll('r')
    .select('c.name as client_name')
    .where('r.org_id', '=', orgId);
  if (f.q) q = q.where(likeContains('r.search_text', f.q));
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.stages)
    q = f.stages.length ? q.where('r.stage', 'in', f.stages) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('r.id', 'desc').limit(f.limit).execute();
}

export async function insertRequirementVersion(
  db: DbOrTrx,
  row: RequirementVersionsTable,
): Promise<void> {
  await db.insertInto('requirement_versions').values(row).execute();
}

export async function listRequirementVersions(
  db: DbOrTrx,
  orgId: string,
  requirementId: string,
): Promise<RequirementVersionsTable[]> {
  return db
    .selectFrom('requirement_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('requirement_id', '=', requirementId)
    .orderBy('version')
    .execute();
}

export async function listClientRequirementVersions(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  limit: number,
): Promise<RequirementVersionsTable[]> {
  return db
    .selectFrom('requirement_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertNote(db: DbOrTrx, row: ClientNotesTable): Promise<void> {
  await db.insertInto('client_notes').values(row).execute();
}

export async function listNotes(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  limit: number,
): Promise<ClientNotesTable[]> {
  return db
    .selectFrom('client_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
