// What each role may do, mirrored from server/lib/permissions.ts. The UI uses it only to hide
// controls a person cannot use; the server enforces the same table on every request.
import type { UserOut } from '../shared/api/orgs.ts';

export type Role = UserOut['role'];
export type Action = 'org.manage' | 'users.read' | 'users.manage' | 'api_keys.manage' | 'audit.read';

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ['org.manage', 'users.read', 'users.manage', 'api_keys.manage', 'audit.read'],
  manager: ['users.read'],
  analyst: ['users.read'],
  viewer: [],
};

export const ROLES: readonly Role[] = ['admin', 'manager', 'analyst', 'viewer'];

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}
