// Password reset by e-mail (issue 19). A request always gets the same answer whether or not the
// address has an account (the route answers 202 either way, after the same lookup and
// transaction); for an account it makes a random token, keeps only its SHA-256 with a 30-minute
// expiry, and tells the modules above through `passwordResetRequested` (messaging queues the
// mail in this transaction). The token works once: setting the password ends every session and
// sign-in step of the person, closes their other reset links and is audited.
import type { Ctx } from '../../context.ts';
import type { Db, Language, UsersTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword, randomToken, sha256 } from '../../lib/crypto.ts';
import { createHook } from '../../lib/hook.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../lib/permissions.ts';
import { recordAudit } from './audit.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';

export const RESET_TTL_MS = 30 * 60_000;
/** Reset mails one account gets per hour at most; further requests are answered alike, unsent. */
export const MAX_RESETS_PER_HOUR = 3;

export type ResetCtx = Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>;
export interface PasswordResetRequested {
  resetId: string;
  userId: string;
  email: string;
  name: string;
  language: Language;
  resetUrl: string;
  validMinutes: number;
}
/** Emitted in the transaction that stores the token; messaging queues the e-mail. */
export const passwordResetRequested = createHook<ResetCtx, PasswordResetRequested>(
  'orgs.password_reset_requested',
);

type ResetDeps = Omit<ResetCtx, 'orgId' | 'db'> & { db: Db };

const systemActor = (orgId: string): Actor => ({ type: 'system', id: null, orgId, role: 'viewer' });

export async function requestPasswordReset(sys: ResetDeps, email: string): Promise<void> {
  const user = await repo.findUserByEmail(sys.db, email.toLowerCase());
  const token = randomToken(32);
  const tokenHash = sha256(token);
  const now = sys.clock.now();
  await sys.db.transaction().execute(async (trx) => {
    if (!user || user.disabled_at) {
      // The same path for an address without an account: a comparable read, no write, no mail.
      await credentials.findPasswordReset(trx, tokenHash);
      return;
    }
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    if (
      (await credentials.countResetsSince(trx, user.org_id, user.id, hourAgo)) >=
      MAX_RESETS_PER_HOUR
    )
      return;
    const id = newId(now.getTime());
    await credentials.insertPasswordReset(trx, {
      id,
      org_id: user.org_id,
      user_id: user.id,
      token_hash: tokenHash,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
      used_at: null,
    });
    const ctx: ResetCtx = { ...sys, db: trx, orgId: user.org_id };
    await recordAudit(
      { ...ctx, actor: systemActor(user.org_id) },
      'auth.password_reset_requested',
      { type: 'user', id: user.id },
    );
    await passwordResetRequested.emit(ctx, {
      resetId: id,
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      resetUrl: `${sys.config.http.publicUrl}/reset-password#token=${token}`,
      validMinutes: RESET_TTL_MS / 60_000,
    });
  });
}

const invalid = () =>
  new AppError('reset_token_invalid', 'The reset link is unknown, used or expired');

export async function confirmPasswordReset(
  sys: ResetDeps,
  input: { token: string; password: string },
): Promise<void> {
  const found = await credentials.findPasswordReset(sys.db, sha256(input.token));
  const now = sys.clock.now().toISOString();
  if (!found || found.used_at || found.expires_at <= now) throw invalid();
  const passwordHash = await hashPassword(input.password);
  await sys.db.transaction().execute(async (trx) => {
    const user: UsersTable | undefined = await repo.findUser(trx, found.org_id, found.user_id);
    if (!user || user.disabled_at) throw invalid();
    if (!(await credentials.usePasswordReset(trx, found.id, now))) throw invalid();
    await repo.updateUser(trx, user.org_id, user.id, { password_hash: passwordHash });
    await credentials.closeUserResets(trx, user.org_id, user.id, now);
    await repo.deleteUserSessions(trx, user.org_id, user.id);
    await credentials.deleteUserChallenges(trx, user.org_id, user.id);
    await recordAudit(
      { db: trx, clock: sys.clock, orgId: user.org_id, actor: systemActor(user.org_id) },
      'auth.password_reset',
      { type: 'user', id: user.id },
    );
  });
}
