// SQL for the rosters other modules read (pulse invitations): active employees by team and
// hire date. Kept apart from employees.repo.ts, which the employees pages use.
import type { DbOrTrx, EmployeesTable } from '../../db/types.ts';

export type RosterRow = Pick<EmployeesTable, 'id' | 'name' | 'email' | 'stage_key' | 'hire_date'>;

export async function activeRoster(
  db: DbOrTrx,
  orgId: string,
  f: { stages?: readonly string[]; hiredFrom?: string; hiredTo?: string },
): Promise<RosterRow[]> {
  let q = db
    .selectFrom('employees')
    .select(['id', 'name', 'email', 'stage_key', 'hire_date'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active');
  if (f.stages) q = q.where('stage_key', 'in', f.stages.length ? [...f.stages] : ['']);
  if (f.hiredFrom) q = q.where('hire_date', '>=', f.hiredFrom);
  if (f.hiredTo) q = q.where('hire_date', '<=', f.hiredTo);
  return q.orderBy('id').execute();
}

/** The organisations with an active employee hired in [from, to] (YYYY-MM-DD). */
export async function orgsWithHires(db: DbOrTrx, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('employees')
    .select('org_id')
    .distinct()
    .where('status', '=', 'active')
    .where('hire_date', '>=', from)
    .where('hire_date', '<=', to)
    .execute();
  return rows.map((r) => r.org_id);
}
