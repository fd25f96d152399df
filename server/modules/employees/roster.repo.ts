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

export type TeamRow = Pick<
  EmployeesTable,
  'id' | 'name' | 'position' | 'stage_key' | 'manager_id' | 'user_id' | 'hire_date' | 'status'
>;

/** Employees not gone (active or on leave), narrowed to a stage, a manager's reports or ids. */
export async function teamRows(
  db: DbOrTrx,
  orgId: string,
  f: {
    stage?: string;
    managerId?: string;
    ids?: readonly string[];
    userId?: string;
    withLeft?: boolean;
  },
): Promise<TeamRow[]> {
  if (f.ids && f.ids.length === 0) return []; // (an empty IN list; '' is no uuid on PostgreSQL)
  let q = db
    .selectFrom('employees')
    .select(['id', 'name', 'position', 'stage_key', 'manager_id', 'user_id', 'hire_date', 'status'])
    .where('org_id', '=', orgId);
  if (!f.withLeft) q = q.where('status', '!=', 'left');
  if (f.stage !== undefined) q = q.where('stage_key', '=', f.stage);
  if (f.managerId !== undefined) q = q.where('manager_id', '=', f.managerId);
  if (f.ids) q = q.where('id', 'in', [...f.ids]);
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  return q.orderBy('name').orderBy('id').execute();
}
