// Issue 19, the review's remaining findings. Open survey links remember who answered (hashed
// device and address) for the cooldown and the caps. Status-page links get a keyed tag
// (server/lib/status-link.ts): the instance key 'status_link_key', and the references that
// existed before, whose untagged links keep working.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('survey_open_answers')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('survey_id', t.id, (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('device_hash', 'text', (c) => c.notNull())
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('answered_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_open_answers_survey_idx')
    .on('survey_open_answers')
    .columns(['org_id', 'survey_id', 'answered_at'])
    .execute();

  await db.schema
    .createTable('legacy_status_refs')
    .addColumn('ref', 'text', (c) => c.primaryKey().notNull())
    .execute();
  await sql`insert into legacy_status_refs (ref)
    select public_ref from feedback union select public_ref from cases`.execute(db);
  const at = new Date().toISOString();
  await sql`insert into instance_settings (key, value, updated_at)
    values ('status_link_key', ${randomBytes(32).toString('hex')}, ${at})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from instance_settings where key = 'status_link_key'`.execute(db);
  await db.schema.dropTable('legacy_status_refs').execute();
  await db.schema.dropTable('survey_open_answers').execute();
}
