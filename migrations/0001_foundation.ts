// Tenants, people, API keys, the job queue and the audit log: what every later module stands on.
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

const ROLES = ['admin', 'manager', 'analyst', 'viewer'];
const LANGS = ['ru', 'en'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  // Instance-wide facts (e.g. that first-run set-up is done); the primary key makes set-up race-free.
  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('orgs')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_language', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('orgs_language_check', sql.raw(oneOf('default_language', LANGS)))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('disabled_at', t.time)
    .addColumn('last_login_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql.raw(oneOf('role', ROLES)))
    .addCheckConstraint('users_language_check', sql.raw(oneOf('language', LANGS)))
    .execute();
  await db.schema
    .createIndex('users_org_idx')
    .on('users')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('last_used_at', t.time)
    .addColumn('revoked_at', t.time)
    .addCheckConstraint('api_keys_role_check', sql.raw(oneOf('role', ROLES)))
    .execute();
  await db.schema
    .createIndex('api_keys_org_idx')
    .on('api_keys')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', t.time, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.time)
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('finished_at', t.time)
    .addCheckConstraint('jobs_status_check', sql.raw(oneOf('status', ['queued', 'done', 'failed'])))
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', t.id)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', t.id)
    .addColumn('details', t.json)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint(
      'audit_actor_check',
      sql.raw(oneOf('actor_type', ['user', 'api_key', 'system'])),
    )
    .execute();
  await db.schema
    .createIndex('audit_org_idx')
    .on('audit_log')
    .columns(['org_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'jobs',
    'api_keys',
    'sessions',
    'users',
    'orgs',
    'instance_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
