// Issue 19, sessions, scoped API keys and the audit log. Sessions learn when they were last seen
// (the idle timeout) and from which address and browser; API keys get scopes (space-separated,
// shared/domain/api-scopes.ts) and an optional expiry, and the keys that exist get every scope
// their creator's role allows (the key's own role when no person made it), so they keep working;
// a person whose second factor an admin reset must set it up again (users.totp_reset_at); audit
// entries keep the caller's address and user agent, and are filtered by action.
import type { Kysely } from 'kysely';
import { scopesOfRole } from '../shared/domain/api-scopes.ts';
import type { Role } from '../shared/domain/vocabulary.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('sessions').addColumn('last_seen_at', t.time).execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema
    .alterTable('api_keys')
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('api_keys').addColumn('expires_at', t.time).execute();
  await db.schema.alterTable('users').addColumn('totp_reset_at', t.time).execute();
  await db.schema.alterTable('audit_log').addColumn('ip', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('user_agent', 'text').execute();
  await db.schema
    .createIndex('audit_log_action_idx')
    .on('audit_log')
    .columns(['org_id', 'action', 'created_at'])
    .execute();

  const keys: { id: string; role: Role; creator_role: Role | null }[] = await db
    .selectFrom('api_keys')
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'api_keys.created_by').onRef('users.org_id', '=', 'api_keys.org_id'),
    )
    .select(['api_keys.id as id', 'api_keys.role as role', 'users.role as creator_role'])
    .execute();
  for (const key of keys)
    await db
      .updateTable('api_keys')
      .set({ scopes: scopesOfRole(key.creator_role ?? key.role).join(' ') })
      .where('id', '=', key.id)
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action_idx').execute();
  for (const [table, column] of [
    ['audit_log', 'user_agent'],
    ['audit_log', 'ip'],
    ['users', 'totp_reset_at'],
    ['api_keys', 'expires_at'],
    ['api_keys', 'scopes'],
    ['sessions', 'user_agent'],
    ['sessions', 'ip'],
    ['sessions', 'last_seen_at'],
  ] as const)
    await db.schema.alterTable(table).dropColumn(column).execute();
}
