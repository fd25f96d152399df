// Issue 21, closing cases: resolution codes per organisation (names ru/en, order, retired), the
// code a resolved case carries, and a small set of tags on each case. Every organisation that
// exists gets the default codes here; a new one gets them on first use (resolution-codes.ts).
import type { Kysely } from 'kysely';
import { DEFAULT_RESOLUTION_CODES } from '../shared/domain/resolution-codes.ts';
import { newId } from '../server/lib/ids.ts';
import { types } from './_portable.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const t = types(db);
  await db.schema
    .createTable('resolution_codes')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired_at', t.time)
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('resolution_codes_key_uq', ['org_id', 'key'])
    .execute();
  await db.schema.alterTable('cases').addColumn('resolution_code', 'text').execute();
  // A JSON array of lower-case labels: read with the case, filtered by a quoted LIKE.
  await db.schema
    .alterTable('cases')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // The count by code reads one organisation's resolutions of a period.
  await db.schema
    .createIndex('cases_resolved_idx')
    .on('cases')
    .columns(['org_id', 'resolved_at'])
    .execute();
  const orgs: { id: string }[] = await db.selectFrom('orgs').select('id').execute();
  const at = new Date().toISOString();
  for (const org of orgs)
    await db
      .insertInto('resolution_codes')
      .values(
        DEFAULT_RESOLUTION_CODES.map((code, i) => ({
          id: newId(),
          org_id: org.id,
          key: code.key,
          name_ru: code.nameRu,
          name_en: code.nameEn,
          position: i + 1,
          retired_at: null,
          created_at: at,
        })),
      )
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_resolved_idx').execute();
  await db.schema.alterTable('cases').dropColumn('tags').execute();
  await db.schema.alterTable('cases').dropColumn('resolution_code').execute();
  await db.schema.dropTable('resolution_codes').execute();
}
