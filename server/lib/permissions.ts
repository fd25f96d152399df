// Role checks for services: assertCan(ctx.actor, action) first thing; routes never decide.
// The table itself is shared with the UI (shared/domain/permissions.ts).
import { roleCan, type Action, type Role } from '../../shared/domain/permissions.ts';
import type { ApiScope } from '../../shared/domain/api-scopes.ts';
import { forbidden } from '../http/errors.ts';

export { ROLE_RANK, type Action } from '../../shared/domain/permissions.ts';

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  orgId: string;
  role: Role;
  /** An API key's scopes (issue 19); checked per route by the orgs module's authenticate hook. */
  scopes?: readonly ApiScope[];
  /** The session a signed-in person calls from (the session list marks it). */
  sessionId?: string;
}

export function can(actor: Actor, action: Action): boolean {
  return roleCan(actor.role, action);
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) throw forbidden(`Role ${actor.role} may not ${action}`);
}
