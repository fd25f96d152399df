// Issue 19, data-subject rights: when a contact was erased (its personal fields and free texts
// removed, its scores kept; nothing is ever sent to it again), and the retention setting per
// organisation: feedback texts and case reply texts older than N months are anonymised by the
// worker (null = keep, the default).
import type { Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('contacts').addColumn('erased_at', t.time).execute();
  await db.schema
    .createTable('retention_settings')
    .addColumn('org_id', t.id, (c) =>
      c.primaryKey().notNull().references('orgs.id').onDelete('cascade'),
    )
    .addColumn('text_months', 'integer')
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_settings').execute();
  await db.schema.alterTable('contacts').dropColumn('erased_at').execute();
}
