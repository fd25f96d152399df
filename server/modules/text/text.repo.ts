// Storage of the text module: topic taxonomies and corrections. Every query is scoped by org_id.
import type { DbOrTrx, TextCorrectionsTable, TextTopicsTable } from '../../db/types.ts';

export async function listTopics(db: DbOrTrx, orgId: string): Promise<TextTopicsTable[]> {
  return db.selectFrom('text_topics').selectAll().where('org_id', '=', orgId).orderBy('position').orderBy('key').execute();
}

/** Replaces the whole taxonomy (the settings page edits it as one list). */
export async function replaceTopics(db: DbOrTrx, orgId: string, rows: TextTopicsTable[]): Promise<void> {
  await db.deleteFrom('text_topics').where('org_id', '=', orgId).execute();
  if (rows.length) await db.insertInto('text_topics').values(rows).execute();
}

export async function findCorrection(db: DbOrTrx, orgId: string, feedbackId: string): Promise<TextCorrectionsTable | undefined> {
  return db.selectFrom('text_corrections').selectAll().where('org_id', '=', orgId).where('feedback_id', '=', feedbackId).executeTakeFirst();
}

export async function upsertCorrection(db: DbOrTrx, row: TextCorrectionsTable): Promise<void> {
  await db
    .insertInto('text_corrections')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'feedback_id']).doUpdateSet({ sentiment_label: row.sentiment_label, topics: row.topics, corrected_by: row.corrected_by, corrected_at: row.corrected_at }),
    )
    .execute();
}

/** Ids of the org's records with text, oldest first, after `afterId` (keyset paging for batches). */
export async function listFeedbackIdsWithText(db: DbOrTrx, orgId: string, range: { from?: string; to?: string }, afterId: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('feedback').select('id').where('org_id', '=', orgId).where('text', 'is not', null).where('text', '!=', '');
  if (range.from) q = q.where('received_at', '>=', range.from);
  if (range.to) q = q.where('received_at', '<', range.to);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Analysed records since `from`, only the columns the trends need; bounded for safety. */
export async function listAnalysedSince(db: DbOrTrx, orgId: string, from: string, limit: number) {
  return db
    .selectFrom('feedback')
    .select(['received_at', 'sentiment_label', 'topics'])
    .where('org_id', '=', orgId)
    .where('received_at', '>=', from)
    .where('sentiment_label', 'is not', null)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}
