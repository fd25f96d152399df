// Rosters for the pulse module: who to invite (active employees of some teams, or hired in a
// date range). No role checks: the calling service (or the worker) has decided.
import type { OrgScope } from '../../context.ts';
import * as repo from './roster.repo.ts';

export type { RosterRow } from './roster.repo.ts';

/** Active employees, optionally of some teams (stage keys) and hired in [hiredFrom, hiredTo]. */
export async function activeEmployeesOf(
  s: OrgScope,
  f: { stages?: readonly string[]; hiredFrom?: string; hiredTo?: string } = {},
): Promise<repo.RosterRow[]> {
  return repo.activeRoster(s.db, s.orgId, f);
}

/** Organisations with active employees hired in [from, to]: the early-tenure schedule's work list. */
export async function orgsWithHiresBetween(
  s: Pick<OrgScope, 'db'>,
  from: string,
  to: string,
): Promise<string[]> {
  return repo.orgsWithHires(s.db, from, to);
}
