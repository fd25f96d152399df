// Text analytics: each organisation's topic taxonomy (seeded lazily from the built-in defaults)
// and the corrections people made to a record's sentiment/topics, which re-analysis respects.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { oneOf, types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  await db.schema
    .createTable('text_topics')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label_ru', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('keywords', t.json, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('text_topics_pk', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('text_corrections')
    .addColumn('org_id', t.id, (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('feedback_id', t.id, (c) =>
      c.notNull().references('feedback.id').onDelete('cascade'),
    )
    .addColumn('sentiment_label', 'text')
    .addColumn('topics', t.json)
    .addColumn('corrected_by', t.id)
    .addColumn('corrected_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('text_corrections_pk', ['org_id', 'feedback_id'])
    .addCheckConstraint(
      'text_corrections_sentiment_check',
      sql.raw(
        `sentiment_label is null or ${oneOf('sentiment_label', ['positive', 'neutral', 'negative'])}`,
      ),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['text_corrections', 'text_topics'])
    await db.schema.dropTable(table).execute();
}
