// Rows → the camelCase shapes of shared/api/orgs.ts. No secrets leave through here.
import type { ApiKeysTable, AuditLogTable, OrgsTable, UsersTable } from '../../db/types.ts';
import type { ApiKeyOut, AuditOut, OrgOut, UserOut } from '../../../shared/api/orgs.ts';
import { parseScopes } from './access.ts';

export const presentUser = (u: UsersTable): UserOut => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  language: u.language,
  disabled: u.disabled_at !== null,
  lastLoginAt: u.last_login_at,
  createdAt: u.created_at,
  twoFactor: Boolean(u.totp_enabled_at),
  mustSetUpTwoFactor: Boolean(u.totp_reset_at) && !u.totp_enabled_at,
});

export const presentOrg = (o: OrgsTable): OrgOut => ({
  id: o.id,
  name: o.name,
  defaultLanguage: o.default_language,
  timeZone: o.time_zone ?? 'UTC',
  defaultCaseOwnerId: o.default_case_owner_id ?? null,
  requireTwoFactor: Number(o.require_two_factor ?? 0) === 1,
  createdAt: o.created_at,
});

export const presentApiKey = (k: ApiKeysTable): ApiKeyOut => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdAt: k.created_at,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
  scopes: parseScopes(k.scopes),
  expiresAt: k.expires_at ?? null,
});

export const presentAudit = (a: AuditLogTable): AuditOut => ({
  id: a.id,
  actorType: a.actor_type,
  actorId: a.actor_id,
  action: a.action,
  targetType: a.target_type,
  targetId: a.target_id,
  details: parseDetails(a.details),
  ip: a.ip ?? null,
  userAgent: a.user_agent ?? null,
  createdAt: a.created_at,
});

function parseDetails(details: unknown): Record<string, unknown> | null {
  if (details == null) return null;
  // PostgreSQL's jsonb arrives parsed, SQLite's text as a string.
  const value = typeof details === 'string' ? JSON.parse(details) : details;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}
