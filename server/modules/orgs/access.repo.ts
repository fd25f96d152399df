// SQL of who is calling (issue 19): sessions with their person, a person's session list, and API
// keys with the role of the person who made them. Sessions and keys are found by the hash of
// their secret; everything else is read with orgId first.
import type { DbOrTrx, SessionsTable } from '../../db/types.ts';

export async function findSessionWithUser(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', (j) =>
      j.onRef('users.id', '=', 'sessions.user_id').onRef('users.org_id', '=', 'sessions.org_id'),
    )
    .innerJoin('orgs', 'orgs.id', 'sessions.org_id')
    .select([
      'sessions.id as sessionId',
      'sessions.org_id as orgId',
      'sessions.csrf_token as csrfToken',
      'sessions.expires_at as expiresAt',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.role as role',
      'users.disabled_at as disabledAt',
      'users.totp_enabled_at as totpEnabledAt',
      'users.totp_reset_at as totpResetAt',
      'orgs.require_two_factor as requireTwoFactor',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** A person's open sessions, newest first. */
export async function listUserSessions(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  nowIso: string,
): Promise<SessionsTable[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Ends one session of a person; false when the person has no such session. */
export async function deleteUserSession(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  id: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** An unrevoked key with its creator's role and state (null when no person made it). */
export async function findActiveApiKeyByHash(db: DbOrTrx, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'api_keys.created_by').onRef('users.org_id', '=', 'api_keys.org_id'),
    )
    .selectAll('api_keys')
    .select(['users.role as creator_role', 'users.disabled_at as creator_disabled_at'])
    .where('api_keys.key_hash', '=', keyHash)
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Ids of the keys a person made (forgotten by the key cache when the person's role changes). */
export async function listKeyIdsCreatedBy(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select('id')
    .where('org_id', '=', orgId)
    .where('created_by', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}
