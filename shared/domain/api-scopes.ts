// What an API key may do beside its role (issue 19): each key carries scopes, and every route of
// /api/v1 needs exactly one (server/modules/orgs/api-scopes.ts maps them). A scope never widens a
// role: the services still check the role, and a key may hold only the scopes its role allows.
import { roleCan } from './permissions.ts';
import type { Role } from './vocabulary.ts';

export const API_SCOPES = [
  'read',
  'write-feedback',
  'write-transactions',
  'write',
  'admin',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** True when a person (or key) of `role` may hold `scope`. */
export function roleAllowsScope(role: Role, scope: ApiScope): boolean {
  if (scope === 'read') return roleCan(role, 'data.read');
  if (scope === 'admin') return roleCan(role, 'org.manage');
  return roleCan(role, 'data.write');
}

/** Every scope a role may hold: what keys made before scopes existed were given (0038). */
export function scopesOfRole(role: Role): ApiScope[] {
  return API_SCOPES.filter((s) => roleAllowsScope(role, s));
}
