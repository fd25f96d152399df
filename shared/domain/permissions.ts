// The one role table, used by the server (which enforces it in every service) and by the UI
// (which only hides controls a person cannot use).
import { ROLES, type Role } from './vocabulary.ts';

export { ROLES, type Role };

export type Action =
  | 'org.read'
  | 'org.manage'
  | 'users.read'
  | 'users.manage'
  | 'api_keys.manage'
  | 'audit.read'
  | 'data.read'
  | 'data.write'
  /** The layered scorecard (operational, employee layers): analysts and up, not viewers. */
  | 'scorecard.read'
  /** The CX lead's view of the whole team's week (the Today page's "what moved"): admins. */
  | 'team.overview';

export const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>([
    'org.read',
    'org.manage',
    'users.read',
    'users.manage',
    'api_keys.manage',
    'audit.read',
    'data.read',
    'data.write',
    'scorecard.read',
    'team.overview',
  ]),
  manager: new Set<Action>(['org.read', 'users.read', 'data.read', 'data.write', 'scorecard.read']),
  analyst: new Set<Action>(['org.read', 'users.read', 'data.read', 'scorecard.read']),
  viewer: new Set<Action>(['org.read', 'data.read']),
};

/** Roles ordered by power, for "may not grant more than you have". */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, manager: 2, admin: 3 };

export function roleCan(role: Role, action: Action): boolean {
  return GRANTS[role].has(action);
}
