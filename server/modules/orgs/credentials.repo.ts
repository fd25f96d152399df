// SQL of the second factor and password reset (migration 0024): a person's TOTP columns, their
// recovery codes, sign-in challenges and reset tokens. Tenant rows are read with orgId first;
// challenges and reset tokens are found by the hash of their secret, as sessions are.
import type {
  DbOrTrx,
  LoginChallengesTable,
  PasswordResetsTable,
  RecoveryCodesTable,
} from '../../db/types.ts';

export async function setTotp(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  patch: { totp_secret_enc?: string | null; totp_enabled_at?: string | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...patch, totp_last_step: null })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

/** Switches two-factor sign-in on (ending an admin's reset), keeping the step of the code that did it. */
export async function markTotpEnabled(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled_at: at, totp_reset_at: null })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

/**
 * Takes a code's time step: true only when it is later than every step accepted before, so the
 * same code (or an older one) is never accepted twice — also between two racing requests.
 */
export async function claimTotpStep(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  step: number,
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  rows: RecoveryCodesTable[],
): Promise<void> {
  await db
    .deleteFrom('recovery_codes')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  if (rows.length > 0) await db.insertInto('recovery_codes').values(rows).execute();
}

/** Marks an unused recovery code used; true when it was there and unused. */
export async function useRecoveryCode(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertChallenge(db: DbOrTrx, row: LoginChallengesTable): Promise<void> {
  await db.insertInto('login_challenges').values(row).execute();
}

export async function findChallenge(
  db: DbOrTrx,
  tokenHash: string,
): Promise<LoginChallengesTable | undefined> {
  return db
    .selectFrom('login_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function countChallengeFailure(db: DbOrTrx, id: string): Promise<void> {
  await db
    .updateTable('login_challenges')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function deleteChallenge(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('id', '=', id).execute();
}

export async function deleteUserChallenges(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('login_challenges')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function insertPasswordReset(db: DbOrTrx, row: PasswordResetsTable): Promise<void> {
  await db.insertInto('password_resets').values(row).execute();
}

export async function countResetsSince(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  sinceIso: string,
): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findPasswordReset(
  db: DbOrTrx,
  tokenHash: string,
): Promise<PasswordResetsTable | undefined> {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Uses a reset token once: true only for the request that marked it (racing requests lose). */
export async function usePasswordReset(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Every other open token of the person ends with a successful reset. */
export async function closeUserResets(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Failed sign-ins of one person since a time (`auth.login_failed`, `auth.code_failed`). */
export async function countFailedLogins(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  sinceIso: string,
): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('action', 'in', ['auth.login_failed', 'auth.code_failed'])
    .where('target_id', '=', userId)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** An admin's reset: no secret, no accepted step, and set-up required again from `at`. */
export async function resetTotp(db: DbOrTrx, orgId: string, userId: string, at: string) {
  await db
    .updateTable('users')
    .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, totp_reset_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}
