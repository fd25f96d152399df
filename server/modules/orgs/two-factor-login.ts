// The second step of signing in with two-factor sign-in: the password step leaves a challenge
// (a random token, only its SHA-256 stored, valid CHALLENGE_TTL_MS, no session yet); a current
// TOTP code or an unused recovery code completes it. A code is never accepted twice (its time
// step must be later than the last one accepted), a challenge dies after MAX_CHALLENGE_FAILURES
// wrong codes, and wrong codes count with wrong passwords towards the account's lock-out.
import type { UsersTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../lib/permissions.ts';
import { recordAudit } from './audit.ts';
import { refuseWhenLocked, startSession, type SystemDeps } from './session-start.ts';
import * as credentials from './credentials.repo.ts';
import * as repo from './orgs.repo.ts';
import { open } from '../../lib/secret-box.ts';
import { recoveryHash, stepOfCode } from './totp.ts';

export const CHALLENGE_TTL_MS = 5 * 60_000;
export const MAX_CHALLENGE_FAILURES = 5;

export interface LoginChallenge {
  challenge: string;
  expiresAt: string;
}

export async function createChallenge(sys: SystemDeps, user: UsersTable): Promise<LoginChallenge> {
  const now = sys.clock.now();
  const challenge = randomToken(32);
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString();
  await credentials.insertChallenge(sys.db, {
    id: newId(now.getTime()),
    org_id: user.org_id,
    user_id: user.id,
    token_hash: sha256(challenge),
    failures: 0,
    created_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { challenge, expiresAt };
}

const refused = () =>
  new AppError(
    'challenge_invalid',
    'The sign-in step has expired; sign in again with the password',
  );

/** Checks a TOTP code against a person's secret and takes its time step (replay refused). */
export async function acceptCode(
  sys: Pick<SystemDeps, 'db' | 'clock' | 'config'>,
  user: UsersTable,
  code: string,
): Promise<boolean> {
  if (!user.totp_secret_enc) return false;
  const secret = await open(sys, 'totp_secret', user.totp_secret_enc);
  const step = stepOfCode(secret, code, sys.clock.now());
  if (step === undefined) return false;
  return credentials.claimTotpStep(sys.db, user.org_id, user.id, step);
}

export async function completeChallenge(
  sys: SystemDeps,
  input: { challenge: string; code?: string; recoveryCode?: string; ip?: string },
) {
  const found = await credentials.findChallenge(sys.db, sha256(input.challenge));
  const now = sys.clock.now();
  if (!found || found.expires_at <= now.toISOString() || found.failures >= MAX_CHALLENGE_FAILURES)
    throw refused();
  const user = await repo.findUser(sys.db, found.org_id, found.user_id);
  if (!user || user.disabled_at || !user.totp_enabled_at) throw refused();
  await refuseWhenLocked(sys, user);
  const ok = input.code
    ? await acceptCode(sys, user, input.code)
    : await credentials.useRecoveryCode(
        sys.db,
        user.org_id,
        user.id,
        recoveryHash(input.recoveryCode ?? ''),
        now.toISOString(),
      );
  const system: Actor = { type: 'system', id: null, orgId: user.org_id, role: 'viewer' };
  const audit = { db: sys.db, clock: sys.clock, orgId: user.org_id, actor: system };
  if (!ok) {
    await credentials.countChallengeFailure(sys.db, found.id);
    await recordAudit(
      audit,
      'auth.code_failed',
      { type: 'user', id: user.id },
      {
        ip: input.ip ?? null,
      },
    );
    throw new AppError('invalid_code', 'The code is wrong, expired or already used', {
      invalidParams: [
        { name: input.code ? 'body.code' : 'body.recoveryCode', reason: 'wrong or used' },
      ],
    });
  }
  await credentials.deleteChallenge(sys.db, found.id);
  if (input.recoveryCode)
    await recordAudit(audit, 'auth.recovery_code_used', { type: 'user', id: user.id });
  return startSession(sys, user);
}
