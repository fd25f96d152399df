// The only file of the employees module with SQL. orgId first, always.
import { likeContains } from '../../db/like.ts';
import type { DbOrTrx, EmployeesTable, EmployeeStatus } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

export async function insertEmployee(db: DbOrTrx, row: EmployeesTable): Promise<void> {
  await db.insertInto('employees').values(row).execute();
}

export async function findEmployee(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<EmployeesTable | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getEmployee(db: DbOrTrx, orgId: string, id: string): Promise<EmployeesTable> {
  const row = await findEmployee(db, orgId, id);
  if (!row) throw notFound('Employee');
  return row;
}

/** The employee holding a unique value (e-mail, external id or login), if any. */
export async function findEmployeeBy(
  db: DbOrTrx,
  orgId: string,
  column: 'email' | 'external_id' | 'user_id',
  value: string,
): Promise<EmployeesTable | undefined> {
  return db
    .selectFrom('employees')
    .selectAll()
    .where('org_id', '=', orgId)
    .where(column, '=', value)
    .executeTakeFirst();
}

export async function listEmployees(
  db: DbOrTrx,
  orgId: string,
  filter: {
    q?: string;
    stage?: string;
    status?: EmployeeStatus;
    afterId?: string;
    limit: number;
  },
): Promise<EmployeesTable[]> {
  let q = db.selectFrom('employees').selectAll().where('org_id', '=', orgId);
  if (filter.q) q = q.where(likeContains('search_text', filter.q));
  if (filter.stage) q = q.where('stage_key', '=', filter.stage);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
}

/** id → name of the organisation's employees among `ids` (managers shown beside a list). */
export async function namesOf(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employees')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Each employee's manager id, for walking up a chain (cycle check). */
export async function managerOf(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('employees')
    .select('manager_id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? row.manager_id : undefined;
}

export async function updateEmployee(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<EmployeesTable>,
): Promise<void> {
  await db
    .updateTable('employees')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Deletes one employee; those who reported to them keep no manager. */
export async function deleteEmployee(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .updateTable('employees')
    .set({ manager_id: null })
    .where('org_id', '=', orgId)
    .where('manager_id', '=', id)
    .execute();
  await db.deleteFrom('employees').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/**
 * Employees any of whose keys is among the given ones: folded names, lower-cased e-mails,
 * external ids, normalised phones. One query, whatever the number of keys.
 */
export async function findEmployeesByKeys(
  db: DbOrTrx,
  orgId: string,
  keys: {
    names?: readonly string[];
    emails?: readonly string[];
    externalIds?: readonly string[];
    phones?: readonly string[];
  },
): Promise<EmployeesTable[]> {
  const parts: [keyof EmployeesTable, readonly string[]][] = [
    ['name_key', keys.names ?? []],
    ['email', keys.emails ?? []],
    ['external_id', keys.externalIds ?? []],
    ['phone_key', keys.phones ?? []],
  ];
  const used = parts.filter(([, values]) => values.length > 0);
  if (used.length === 0) return [];
  return db
    .selectFrom('employees')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb.or(used.map(([column, values]) => eb(column, 'in', [...new Set(values)]))))
    .orderBy('id')
    .execute();
}

/** The distinct stage keys employees are on, sorted. */
export async function listStageKeys(db: DbOrTrx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('employees')
    .select('stage_key')
    .distinct()
    .where('org_id', '=', orgId)
    .where('stage_key', 'is not', null)
    .orderBy('stage_key')
    .execute();
  return rows.map((r) => r.stage_key!);
}

/** Which of the users `userIds` are linked to an employee of the organisation. */
export async function linkedUserIds(
  db: DbOrTrx,
  orgId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('employees')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.user_id!));
}

export async function managerLinks(
  db: DbOrTrx,
  orgId: string,
): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('employees')
    .select(['id', 'manager_id'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.manager_id]));
}
