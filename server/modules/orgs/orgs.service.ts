// Use-cases for an organisation's settings, people and API keys. Roles are checked here.
import {
  API_SCOPES,
  roleAllowsScope,
  scopesOfRole,
  type ApiScope,
} from '../../../shared/domain/api-scopes.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { Language, Role } from '../../db/types.ts';
import { AppError, forbidden, unknownReference } from '../../http/errors.ts';
import { hashPassword, sha256, verifyPassword } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan, ROLE_RANK } from '../../lib/permissions.ts';
import { listKeyIdsCreatedBy } from './access.repo.ts';
import { forgetKey, forgetKeys } from './api-key-cache.ts';
import { recordAudit } from './audit.ts';
import { apiKeyPrefix, generateApiKeySecret } from './auth.service.ts';
import * as repo from './orgs.repo.ts';
import { zoneOrRefuse } from './time-zone.ts';
import { orgTimeZoneChanged } from './time-zone-changed.ts';

export async function getOrganisation(ctx: Ctx) {
  assertCan(ctx.actor, 'org.read');
  return repo.getOrg(ctx.db, ctx.orgId);
}

export async function updateOrganisation(
  ctx: Ctx,
  patch: {
    name?: string;
    defaultLanguage?: Language;
    timeZone?: string;
    defaultCaseOwnerId?: string | null;
    requireTwoFactor?: boolean;
  },
) {
  assertCan(ctx.actor, 'org.manage');
  const zone = patch.timeZone === undefined ? undefined : zoneOrRefuse(patch.timeZone);
  const owner = patch.defaultCaseOwnerId;
  return inTransaction(ctx, async (tx) => {
    // The default owner of routed cases must be a person of this organisation (404 otherwise).
    if (owner && !(await repo.findUser(tx.db, tx.orgId, owner)))
      throw unknownReference('body.defaultCaseOwnerId', 'user');
    const before = zone !== undefined ? (await repo.getOrg(tx.db, tx.orgId)).time_zone : undefined;
    await repo.updateOrg(tx.db, tx.orgId, {
      ...(owner !== undefined ? { default_case_owner_id: owner } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
      ...(zone !== undefined ? { time_zone: zone } : {}),
      ...(patch.requireTwoFactor !== undefined
        ? { require_two_factor: patch.requireTwoFactor ? 1 : 0 }
        : {}),
    });
    if (zone !== undefined && zone !== (before ?? 'UTC'))
      await orgTimeZoneChanged.emit(tx, { from: before ?? 'UTC', to: zone });
    await recordAudit(
      tx,
      'org.updated',
      { type: 'org', id: tx.orgId },
      { fields: Object.keys(patch) },
    );
    return repo.getOrg(tx.db, tx.orgId);
  });
}

export async function getCurrentUser(ctx: Ctx) {
  if (ctx.actor.type !== 'user' || !ctx.actor.id)
    throw forbidden('Only a signed-in person has a profile');
  return repo.getUser(ctx.db, ctx.orgId, ctx.actor.id);
}

export async function listUsers(ctx: Ctx, page: { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'users.read');
  const rows = await repo.listUsers(ctx.db, ctx.orgId, decodeCursor(page.cursor), page.limit);
  return toPage(rows, page.limit);
}

export async function getUser(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'users.read');
  return repo.getUser(ctx.db, ctx.orgId, id);
}

export async function createUser(
  ctx: Ctx,
  input: { email: string; name: string; password: string; role: Role; language: Language },
) {
  assertCan(ctx.actor, 'users.manage');
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (await repo.findUserByEmail(tx.db, input.email))
      throw new AppError('email_taken', 'A user with this e-mail already exists');
    const now = tx.clock.now();
    const id = newId(now.getTime());
    await repo.insertUser(tx.db, {
      id,
      org_id: tx.orgId,
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      role: input.role,
      language: input.language,
      disabled_at: null,
      last_login_at: null,
      created_at: now.toISOString(),
    });
    await recordAudit(tx, 'user.created', { type: 'user', id }, { role: input.role });
    return repo.getUser(tx.db, tx.orgId, id);
  });
}

export interface UserPatch {
  name?: string;
  role?: Role;
  language?: Language;
  disabled?: boolean;
  password?: string;
  currentPassword?: string;
}

export async function updateUser(ctx: Ctx, id: string, input: UserPatch) {
  const { currentPassword, ...patch } = input;
  const self = ctx.actor.type === 'user' && ctx.actor.id === id;
  const selfOnly = patch.role === undefined && patch.disabled === undefined;
  // People may change their own name, language and password; everything else needs users.manage.
  if (!(self && selfOnly)) assertCan(ctx.actor, 'users.manage');
  // Changing one's own password asks for the current one: a session left open (or stolen) must
  // not be enough to take the account over.
  if (self && patch.password) {
    const me = await repo.getUser(ctx.db, ctx.orgId, id);
    if (!currentPassword || !(await verifyPassword(me.password_hash, currentPassword)))
      throw new AppError('unprocessable', 'The current password is missing or wrong', {
        invalidParams: [{ name: 'body.currentPassword', reason: 'missing or wrong' }],
      });
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const updated = await inTransaction(ctx, async (tx) => {
    const user = await repo.getUser(tx.db, tx.orgId, id);
    const losesAdmin =
      user.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin && (await repo.countActiveAdmins(tx.db, tx.orgId)) <= 1) {
      throw new AppError('conflict', 'The organisation must keep at least one active admin');
    }
    await repo.updateUser(tx.db, tx.orgId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.disabled !== undefined
        ? { disabled_at: patch.disabled ? tx.clock.now().toISOString() : null }
        : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    });
    // A disabled person, a new role or a new password ends every open session of that person.
    if (patch.disabled || patch.role || passwordHash)
      await repo.deleteUserSessions(tx.db, tx.orgId, id);
    await recordAudit(tx, 'user.updated', { type: 'user', id }, { fields: Object.keys(patch) });
    if (patch.role !== undefined && patch.role !== user.role)
      await recordAudit(
        tx,
        'user.role_changed',
        { type: 'user', id },
        {
          from: user.role,
          to: patch.role,
        },
      );
    return repo.getUser(tx.db, tx.orgId, id);
  });
  // A demoted or disabled person's keys are read again at their next use (and refused when they
  // now exceed the person): this process forgets them at once, others within the cache's TTL.
  if (patch.role !== undefined || patch.disabled)
    forgetKeys(await listKeyIdsCreatedBy(ctx.db, ctx.orgId, id));
  return updated;
}

export async function listApiKeys(ctx: Ctx) {
  assertCan(ctx.actor, 'api_keys.manage');
  return repo.listApiKeys(ctx.db, ctx.orgId);
}

/**
 * Creates a key and returns its secret, which is never shown again (only its hash is kept). Its
 * scopes default to all its role allows; a scope beyond the role is a 422, a past expiry too.
 */
export async function createApiKey(
  ctx: Ctx,
  input: { name: string; role: Role; scopes?: ApiScope[]; expiresAt?: string | null },
) {
  assertCan(ctx.actor, 'api_keys.manage');
  if (ROLE_RANK[input.role] > ROLE_RANK[ctx.actor.role])
    throw forbidden('A key may not have more rights than its creator');
  const scopes = input.scopes ? [...new Set(input.scopes)] : scopesOfRole(input.role);
  const beyond = scopes.filter((s) => !roleAllowsScope(input.role, s));
  if (beyond.length > 0)
    throw new AppError(
      'scope_beyond_role',
      `Role ${input.role} may not hold ${beyond.join(', ')}`,
      {
        invalidParams: [{ name: 'body.scopes', reason: `beyond role ${input.role}` }],
      },
    );
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && expiresAt <= ctx.clock.now().toISOString())
    throw new AppError('unprocessable', 'The expiry must be in the future', {
      invalidParams: [{ name: 'body.expiresAt', reason: 'in the past' }],
    });
  const secret = generateApiKeySecret();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const id = newId(now.getTime());
    await repo.insertApiKey(tx.db, {
      id,
      org_id: tx.orgId,
      name: input.name,
      prefix: apiKeyPrefix(secret),
      key_hash: sha256(secret),
      role: input.role,
      created_by: tx.actor.type === 'user' ? tx.actor.id : null,
      created_at: now.toISOString(),
      last_used_at: null,
      revoked_at: null,
      scopes: API_SCOPES.filter((s) => scopes.includes(s)).join(' '),
      expires_at: expiresAt,
    });
    await recordAudit(
      tx,
      'api_key.created',
      { type: 'api_key', id },
      { role: input.role, scopes, expiresAt },
    );
    return { key: await repo.getApiKey(tx.db, tx.orgId, id), secret };
  });
}

export async function revokeApiKey(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'api_keys.manage');
  const revoked = await inTransaction(ctx, async (tx) => {
    await repo.getApiKey(tx.db, tx.orgId, id);
    await repo.revokeApiKey(tx.db, tx.orgId, id, tx.clock.now().toISOString());
    await recordAudit(tx, 'api_key.revoked', { type: 'api_key', id });
    return repo.getApiKey(tx.db, tx.orgId, id);
  });
  // After the commit, so a request racing the revocation cannot re-cache the key as active.
  forgetKey(id);
  return revoked;
}
