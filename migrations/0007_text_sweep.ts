// Text analysis by sweep (issue 5): the intake no longer queues a job per record; the worker
// analyses records whose analysed_at is null, in batches. The partial index holds only pending
// rows, so finding work stays cheap however many records are already analysed.
import { sql, type Kysely } from 'kysely';
import { types } from './_portable.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);

  // Nullable and without a default: inserts that do not name it leave the record pending.
  await db.schema.alterTable('feedback').addColumn('analysed_at', t.time).execute();
  await db.schema
    .createIndex('feedback_text_pending_idx')
    .on('feedback')
    .columns(['created_at', 'id'])
    .where(sql.ref('analysed_at'), 'is', null)
    .where(sql.ref('text'), 'is not', null)
    .execute();
  // Records the per-record job already analysed are done; the rest with text become pending.
  await sql`update feedback set analysed_at = created_at where analysed_at is null and (language is not null or sentiment_label is not null)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('feedback_text_pending_idx').execute();
  await db.schema.alterTable('feedback').dropColumn('analysed_at').execute();
}
