// Aspect sentiment (issue 22): per record, the sentiment of each of its topics as a JSON object
// {topic key: label} ("staff positive, delivery negative" in one text). Written by the text sweep
// beside `topics`; null for records analysed before (they read as the record's own sentiment).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feedback').addColumn('topic_sentiments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('feedback').dropColumn('topic_sentiments').execute();
}
