// Where every successful sign-in ends (a new session) and the account lock-out that every
// sign-in step checks first: shared by the password step and the code step.
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, UsersTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../lib/permissions.ts';
import { sessionOrigin } from './access.ts';
import { recordAudit } from './audit.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';

export interface SystemDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
  orgId: string;
  expiresAt: string;
}

/** Failed sign-ins one account may take in the window before it is refused without a check. */
export const MAX_FAILED_LOGINS = 10;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;

/** A new session of a person whose sign-in is complete (password, and code when they have 2FA). */
export async function startSession(sys: SystemDeps, user: UsersTable): Promise<LoginResult> {
  const now = sys.clock.now();
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(
    now.getTime() + sys.config.security.sessionTtlHours * 3_600_000,
  ).toISOString();
  await sys.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id: newId(now.getTime()),
      org_id: user.org_id,
      user_id: user.id,
      token_hash: sha256(token),
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      last_seen_at: now.toISOString(),
      ...sessionOrigin(),
    });
    await repo.updateUser(trx, user.org_id, user.id, { last_login_at: now.toISOString() });
    const actor: Actor = { type: 'user', id: user.id, orgId: user.org_id, role: user.role };
    await recordAudit({ db: trx, clock: sys.clock, orgId: user.org_id, actor }, 'auth.login');
  });
  return { token, csrfToken, userId: user.id, orgId: user.org_id, expiresAt };
}

/** One account takes at most MAX_FAILED_LOGINS failed passwords and codes per window. */
export async function refuseWhenLocked(sys: SystemDeps, user: UsersTable): Promise<void> {
  const since = new Date(sys.clock.now().getTime() - FAILED_LOGIN_WINDOW_MS).toISOString();
  if (
    (await credentials.countFailedLogins(sys.db, user.org_id, user.id, since)) >= MAX_FAILED_LOGINS
  )
    throw new AppError('rate_limited', 'Too many failed sign-ins for this account; try later', {
      headers: { 'retry-after': String(FAILED_LOGIN_WINDOW_MS / 1000) },
    });
}
