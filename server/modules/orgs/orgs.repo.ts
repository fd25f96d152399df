// The only file of the orgs module with SQL. Every function that reads tenant rows takes orgId first.
import type {
  ApiKeysTable,
  AuditLogTable,
  DbOrTrx,
  OrgsTable,
  SessionsTable,
  UsersTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { before } from '../../db/keyset.ts';
import type { KeyCursor } from '../../lib/paging.ts';

export async function countOrgs(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertOrg(db: DbOrTrx, org: OrgsTable): Promise<void> {
  await db.insertInto('orgs').values(org).execute();
}

export async function getOrg(db: DbOrTrx, orgId: string): Promise<OrgsTable> {
  const org = await db.selectFrom('orgs').selectAll().where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('Organisation');
  return org;
}

export async function updateOrg(
  db: DbOrTrx,
  orgId: string,
  patch: Partial<
    Pick<
      OrgsTable,
      'name' | 'default_language' | 'time_zone' | 'default_case_owner_id' | 'require_two_factor'
    >
  >,
): Promise<void> {
  await db.updateTable('orgs').set(patch).where('id', '=', orgId).execute();
}

/** Claims an instance-wide key once; false when it was already taken. */
export async function claimInstanceSetting(
  db: DbOrTrx,
  key: string,
  value: string,
  at: string,
): Promise<boolean> {
  const rows = await db
    .insertInto('instance_settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .execute();
  return rows.length === 1;
}

export async function insertUser(db: DbOrTrx, user: UsersTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Login looks users up across organisations by e-mail (unique instance-wide). */
export async function findUserByEmail(db: DbOrTrx, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUser(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<UsersTable | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getUser(db: DbOrTrx, orgId: string, id: string): Promise<UsersTable> {
  const user = await findUser(db, orgId, id);
  if (!user) throw notFound('User');
  return user;
}

export async function listUsers(
  db: DbOrTrx,
  orgId: string,
  afterId: string | undefined,
  limit: number,
): Promise<UsersTable[]> {
  let q = db.selectFrom('users').selectAll().where('org_id', '=', orgId);
  if (afterId) q = q.where('id', '>', afterId);
  return q
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

/** The organisation's users with one of `ids` or one of `emails` (lower-cased): one query. */
export async function listUsersByIdsOrEmails(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
  emails: readonly string[],
): Promise<UsersTable[]> {
  if (ids.length === 0 && emails.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('id', 'in', [...ids])] : []),
        ...(emails.length > 0 ? [eb('email', 'in', [...emails])] : []),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function countActiveAdmins(db: DbOrTrx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateUser(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<
      UsersTable,
      'name' | 'role' | 'language' | 'disabled_at' | 'password_hash' | 'last_login_at'
    >
  >,
): Promise<void> {
  await db
    .updateTable('users')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertSession(db: DbOrTrx, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function deleteSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessions(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, nowIso: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<', nowIso).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function insertApiKey(db: DbOrTrx, key: ApiKeysTable): Promise<void> {
  await db.insertInto('api_keys').values(key).execute();
}

export async function listApiKeys(db: DbOrTrx, orgId: string): Promise<ApiKeysTable[]> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .execute();
}

export async function getApiKey(db: DbOrTrx, orgId: string, id: string): Promise<ApiKeysTable> {
  const key = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!key) throw notFound('API key');
  return key;
}

export async function revokeApiKey(
  db: DbOrTrx,
  orgId: string,
  id: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function touchApiKey(db: DbOrTrx, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertAudit(db: DbOrTrx, entry: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

/** Active admins of an organisation (escalation recipients when a case has no owner). */
export async function listActiveAdmins(db: DbOrTrx, orgId: string): Promise<UsersTable[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
}

/** Every organisation's id (instance-wide schedules, e.g. the arbiter's monthly refresh). */
export async function listOrgIds(db: DbOrTrx): Promise<string[]> {
  return (await db.selectFrom('orgs').select('id').orderBy('id').execute()).map((r) => r.id);
}
