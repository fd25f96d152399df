// Issue 15, client status messages: the unsubscribe list per contact, the last status a case's
// client was told (so status messages are throttled to one per case per 4 hours), and the
// instance key that signs unsubscribe links (server/modules/messaging/unsubscribe-token.ts).
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { oneOf, types } from './_portable.ts';

// History keeps its own copies of the lists (vocabulary.test.ts compares them).
const SCOPES = ['all'];
const SOURCES = ['link', 'one_click'];
const CASE_STATUSES = [
  'new',
  'acknowledged',
  'in_progress',
  'waiting_client',
  'resolved',
  'closed',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('contact_unsubscribes')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addCheckConstraint('contact_unsubscribes_scope_check', sql.raw(oneOf('scope', SCOPES)))
    .addCheckConstraint('contact_unsubscribes_source_check', sql.raw(oneOf('source', SOURCES)))
    .execute();
  await db.schema
    .createIndex('contact_unsubscribes_contact_scope_uq')
    .on('contact_unsubscribes')
    .columns(['org_id', 'contact_id', 'scope'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_status_notices')
    .addColumn('case_id', t.id, (c) =>
      c.primaryKey().notNull().references('cases.id').onDelete('cascade'),
    )
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notified_at', t.time, (c) => c.notNull())
    .addCheckConstraint('case_status_notices_status_check', sql.raw(oneOf('status', CASE_STATUSES)))
    .execute();

  const at = new Date().toISOString();
  await sql`insert into instance_settings (key, value, updated_at)
    values ('unsubscribe_key', ${randomBytes(32).toString('hex')}, ${at})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from instance_settings where key = 'unsubscribe_key'`.execute(db);
  await db.schema.dropTable('case_status_notices').execute();
  await db.schema.dropTable('contact_unsubscribes').execute();
}
