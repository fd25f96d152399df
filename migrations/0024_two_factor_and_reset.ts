// Issue 19, two-factor sign-in and password reset. People get an encrypted TOTP secret (AES-GCM
// under the instance key 'totp_key'), the time step of the last code accepted (a code is never
// accepted twice) and their hashed one-time recovery codes; a password step that needs a second
// factor leaves a short-lived sign-in challenge (hashed); a password reset is a hashed,
// single-use, 30-minute token e-mailed through the outbox (message kind `password_reset`).
// Organisations can require two-factor sign-in of everyone.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { KIND_CHECKS, setKindCheck } from './0020_stages.ts';
import { MESSAGE_KINDS_0023 } from './0023_case_reply_today.ts';
import { types } from './_portable.ts';

const KINDS_BEFORE = MESSAGE_KINDS_0023;
const KINDS_AFTER = [...KINDS_BEFORE, 'password_reset'];
/** The message kinds after this migration: the next one that adds a kind starts from them. */
export const MESSAGE_KINDS_0024 = KINDS_AFTER;

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('users').addColumn('totp_secret_enc', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', t.time).execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .alterTable('orgs')
    .addColumn('require_two_factor', t.flag, (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recovery_codes_user_idx')
    .on('recovery_codes')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('expires_at', t.time, (c) => c.notNull())
    .addColumn('used_at', t.time)
    .execute();
  await db.schema
    .createIndex('password_resets_user_idx')
    .on('password_resets')
    .columns(['org_id', 'user_id', 'created_at'])
    .execute();

  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_AFTER);
  const at = new Date().toISOString();
  await sql`insert into instance_settings (key, value, updated_at)
    values ('totp_key', ${randomBytes(32).toString('hex')}, ${at})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from instance_settings where key = 'totp_key'`.execute(db);
  await db.deleteFrom('message_templates').where('kind', '=', 'password_reset').execute();
  await db.deleteFrom('messages').where('kind', '=', 'password_reset').execute();
  for (const [table, name] of KIND_CHECKS) await setKindCheck(db, table, name, KINDS_BEFORE);
  await db.schema.dropTable('password_resets').execute();
  await db.schema.dropTable('login_challenges').execute();
  await db.schema.dropTable('recovery_codes').execute();
  await db.schema.alterTable('orgs').dropColumn('require_two_factor').execute();
  for (const column of ['totp_last_step', 'totp_enabled_at', 'totp_secret_enc'])
    await db.schema.alterTable('users').dropColumn(column).execute();
}
