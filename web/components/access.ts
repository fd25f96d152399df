// Which roles may change closed-loop data: the shared role table's 'data.write'. The UI only
// hides controls with it; the server enforces the same rule.
import { can, type Role } from '../permissions.ts';

export function canWriteData(role: Role): boolean {
  return can(role, 'data.write');
}
