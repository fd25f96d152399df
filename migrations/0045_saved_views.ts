// Issue 21 (finding things): a person's saved views of a list — a name and the list's filters —,
// private to the person. Read per person and list, so the key leads with both. No CHECK on the
// list: a list a later version drops stays readable (its views are simply not offered).
import type { Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('saved_views')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** JSON object: filter name → value, as the list's query string has them. */
    .addColumn('filters', t.json, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .execute();
  // One name per person and list (a rename onto a taken name is a 409), and the list read.
  await db.schema
    .createIndex('saved_views_person_uq')
    .on('saved_views')
    .columns(['org_id', 'user_id', 'list', 'name'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
}
