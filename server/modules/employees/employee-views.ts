// What the API shows beside an employee row: the manager's name, the linked login and, for an
// employee without one, the user with the same e-mail to suggest linking. A whole page of rows
// costs three queries, however many rows.
import type { Ctx } from '../../context.ts';
import type { EmployeesTable } from '../../db/types.ts';
import { findOrgUsers } from '../orgs/index.ts';
import * as repo from './employees.repo.ts';

export interface Person {
  id: string;
  name: string;
}

export interface EmployeeView {
  row: EmployeesTable;
  manager: Person | null;
  user: Person | null;
  suggestedUser: Person | null;
}

export async function employeeViews(
  ctx: Pick<Ctx, 'db' | 'orgId'>,
  rows: readonly EmployeesTable[],
): Promise<EmployeeView[]> {
  const managerIds = [...new Set(rows.map((r) => r.manager_id).filter((v): v is string => !!v))];
  const managers = await repo.namesOf(ctx.db, ctx.orgId, managerIds);
  const userIds = rows.map((r) => r.user_id).filter((v): v is string => !!v);
  const emails = rows.filter((r) => !r.user_id && r.email).map((r) => r.email!);
  const users = await findOrgUsers(ctx, { ids: userIds, emails });
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  // A user linked to someone else already is no suggestion.
  const candidates = users.filter((u) => emails.includes(u.email)).map((u) => u.id);
  const linked = await repo.linkedUserIds(ctx.db, ctx.orgId, candidates);
  return rows.map((row) => {
    const manager = row.manager_id ? managers.get(row.manager_id) : undefined;
    const user = row.user_id ? byId.get(row.user_id) : undefined;
    const match = !row.user_id && row.email ? byEmail.get(row.email) : undefined;
    const suggestion = match && !match.disabled_at && !linked.has(match.id) ? match : undefined;
    return {
      row,
      manager: manager !== undefined ? { id: row.manager_id!, name: manager } : null,
      user: user ? { id: user.id, name: user.name } : null,
      suggestedUser: suggestion ? { id: suggestion.id, name: suggestion.name } : null,
    };
  });
}
