// Issue 19, the review's remaining findings. Open survey links remember who answered (hashed
// device and address) for the cooldown and the caps.
import type { Kysely } from 'kysely';
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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_open_answers').execute();
}
