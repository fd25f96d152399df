// What each role may do: the server's own table (shared/domain/permissions.ts). The UI uses it
// only to hide controls a person cannot use; the server enforces it on every request.
import { roleCan, ROLES, type Action, type Role } from '../shared/domain/permissions.ts';

export { ROLES, type Action, type Role };

export function can(role: Role, action: Action): boolean {
  return roleCan(role, action);
}
