// Who is calling: organisations' creation (set-up, bootstrap, CLI), password login and sessions,
// and API-key authentication. These run before there is an actor, so they take system deps.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, DbOrTrx, Language, Role, UsersTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  burnPasswordCheck,
  hashPassword,
  randomToken,
  sha256,
  verifyPassword,
} from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { scopesOfRole } from '../../../shared/domain/api-scopes.ts';
import type { Actor } from '../../lib/permissions.ts';
import { recordAudit } from './audit.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';
import {
  FAILED_LOGIN_WINDOW_MS,
  MAX_FAILED_LOGINS,
  refuseWhenLocked,
  startSession,
  type LoginResult,
  type SystemDeps,
} from './session-start.ts';
import { createChallenge, type LoginChallenge } from './two-factor-login.ts';

export { FAILED_LOGIN_WINDOW_MS, MAX_FAILED_LOGINS, type LoginResult, type SystemDeps };
import { zoneOrRefuse } from './time-zone.ts';

export interface NewOrganisation {
  name: string;
  language?: Language;
  /** IANA time zone; UTC when not given. */
  timeZone?: string;
  admin?: { email: string; name: string; password: string };
  apiKey?: { secret?: string; name?: string; role?: Role };
}

export interface CreatedOrganisation {
  orgId: string;
  userId?: string;
  apiKey?: { id: string; secret: string };
}

const SETUP_KEY = 'setup_completed';

/** Creates an organisation with its first admin and API key, in the caller's transaction. */
export async function createOrganisation(
  db: DbOrTrx,
  clock: Clock,
  input: NewOrganisation,
): Promise<CreatedOrganisation> {
  const timeZone = zoneOrRefuse(input.timeZone ?? 'UTC');
  const now = clock.now();
  const at = now.toISOString();
  const orgId = newId(now.getTime());
  await repo.insertOrg(db, {
    id: orgId,
    name: input.name,
    default_language: input.language ?? 'ru',
    time_zone: timeZone,
    created_at: at,
  });
  const system: Actor = { type: 'system', id: null, orgId, role: 'admin' };
  const result: CreatedOrganisation = { orgId };
  if (input.admin) {
    const email = input.admin.email.toLowerCase();
    if (await repo.findUserByEmail(db, email))
      throw new AppError('email_taken', 'A user with this e-mail already exists');
    result.userId = newId(now.getTime());
    await repo.insertUser(db, {
      id: result.userId,
      org_id: orgId,
      email,
      name: input.admin.name,
      password_hash: await hashPassword(input.admin.password),
      role: 'admin',
      language: input.language ?? 'ru',
      disabled_at: null,
      last_login_at: null,
      created_at: at,
    });
  }
  if (input.apiKey) {
    const secret = input.apiKey.secret ?? generateApiKeySecret();
    const id = newId(now.getTime());
    await repo.insertApiKey(db, {
      id,
      org_id: orgId,
      name: input.apiKey.name ?? 'Bootstrap key',
      prefix: apiKeyPrefix(secret),
      key_hash: sha256(secret),
      role: input.apiKey.role ?? 'admin',
      created_by: result.userId ?? null,
      created_at: at,
      last_used_at: null,
      revoked_at: null,
      scopes: scopesOfRole(input.apiKey.role ?? 'admin').join(' '),
      expires_at: null,
    });
    result.apiKey = { id, secret };
  }
  await recordAudit({ db, clock, orgId, actor: system }, 'org.created', { type: 'org', id: orgId });
  return result;
}

export function generateApiKeySecret(): string {
  return `cl_${randomToken(30)}`;
}

/** The first characters of a key, kept in clear so people can tell their keys apart. */
export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, 10);
}

export async function isSetupRequired(db: DbOrTrx): Promise<boolean> {
  return (await repo.countOrgs(db)) === 0;
}

/** First-run set-up from the UI: allowed exactly once, on an empty instance. */
export async function setupInstance(
  sys: SystemDeps,
  input: {
    orgName: string;
    name: string;
    email: string;
    password: string;
    language: Language;
    timeZone?: string;
  },
) {
  const created = await sys.db.transaction().execute(async (trx) => {
    const claimed = await repo.claimInstanceSetting(
      trx,
      SETUP_KEY,
      'ui',
      sys.clock.now().toISOString(),
    );
    if (!claimed || (await repo.countOrgs(trx)) > 0)
      throw new AppError('already_set_up', 'This instance is already set up');
    return createOrganisation(trx, sys.clock, {
      name: input.orgName,
      language: input.language,
      timeZone: input.timeZone,
      admin: { email: input.email, name: input.name, password: input.password },
    });
  });
  sys.log.info({ orgId: created.orgId }, 'instance set up from the UI');
  // A new admin has no second factor yet, so the password alone signs in.
  return (await login(sys, { email: input.email, password: input.password })) as LoginResult;
}

/** Bootstrap from CLIENTLOOP_ADMIN_* / CLIENTLOOP_API_KEY on an empty database. */
export async function bootstrapFromConfig(
  sys: SystemDeps,
): Promise<CreatedOrganisation | undefined> {
  const b = sys.config.bootstrap;
  if (!b.adminEmail || !b.adminPassword) return undefined;
  return sys.db.transaction().execute(async (trx) => {
    if ((await repo.countOrgs(trx)) > 0) return undefined;
    if (!(await repo.claimInstanceSetting(trx, SETUP_KEY, 'env', sys.clock.now().toISOString())))
      return undefined;
    const created = await createOrganisation(trx, sys.clock, {
      name: b.orgName,
      admin: { email: b.adminEmail!, name: 'Administrator', password: b.adminPassword! },
      ...(b.apiKey ? { apiKey: { secret: b.apiKey, name: 'CLIENTLOOP_API_KEY' } } : {}),
    });
    sys.log.info({ orgId: created.orgId }, 'bootstrap organisation created');
    return created;
  });
}

/** Signs in, or — for a person with two-factor sign-in — returns the challenge the code answers. */
export async function login(
  sys: SystemDeps,
  input: { email: string; password: string; ip?: string },
): Promise<LoginResult | LoginChallenge> {
  const user = await repo.findUserByEmail(sys.db, input.email.toLowerCase());
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new AppError('invalid_credentials', 'E-mail or password is wrong');
  }
  // Per account, beside the per-address limit of the route: guessing from many addresses stops too.
  await refuseWhenLocked(sys, user);
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled_at) {
    const system: Actor = { type: 'system', id: null, orgId: user.org_id, role: 'viewer' };
    await recordAudit(
      { db: sys.db, clock: sys.clock, orgId: user.org_id, actor: system },
      'auth.login_failed',
      { type: 'user', id: user.id },
      { ip: input.ip ?? null },
    );
    throw new AppError('invalid_credentials', 'E-mail or password is wrong');
  }
  if (user.totp_enabled_at) return createChallenge(sys, user);
  return startSession(sys, user);
}

export async function logout(db: DbOrTrx, token: string): Promise<void> {
  await repo.deleteSessionByTokenHash(db, sha256(token));
}

export { authenticateApiKey, authenticateSession, type SessionActor } from './access.ts';
