// The one role table. Services call assertCan(ctx.actor, action) first thing; routes never decide.
import type { Role } from '../db/types.ts';
import { forbidden } from '../http/errors.ts';

export type Action =
  | 'org.read'
  | 'org.manage'
  | 'users.read'
  | 'users.manage'
  | 'api_keys.manage'
  | 'audit.read'
  | 'data.read'
  | 'data.write';

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>(['org.read', 'org.manage', 'users.read', 'users.manage', 'api_keys.manage', 'audit.read', 'data.read', 'data.write']),
  manager: new Set<Action>(['org.read', 'users.read', 'data.read', 'data.write']),
  analyst: new Set<Action>(['org.read', 'users.read', 'data.read']),
  viewer: new Set<Action>(['org.read', 'data.read']),
};

/** Roles ordered by power, for "may not grant more than you have". */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, manager: 2, admin: 3 };

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  orgId: string;
  role: Role;
}

export function can(actor: Actor, action: Action): boolean {
  return GRANTS[actor.role].has(action);
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(`Role ${actor.role} may not ${action}`);
}
