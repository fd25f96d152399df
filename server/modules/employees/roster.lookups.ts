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

export type { TeamRow } from './roster.repo.ts';

/**
 * Employees who have not left (active or on leave), of one stage, one manager's direct reports,
 * some ids or one login (`withLeft`: those who left too); ordered by name. For the competencies module's gaps.
 */
export async function teamOf(
  s: OrgScope,
  f: {
    stage?: string;
    managerId?: string;
    ids?: readonly string[];
    userId?: string;
    withLeft?: boolean;
  } = {},
): Promise<repo.TeamRow[]> {
  return repo.teamRows(s.db, s.orgId, f);
}
