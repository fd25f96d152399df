// Storage of the text module: topic taxonomies, corrections and the analysis sweep. Every query is
// scoped by org_id, except the sweep's pick of pending records across organisations.
import { sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type {
  DbOrTrx,
  FeedbackTable,
  TextCorrectionsTable,
  TextTopicsTable,
} from '../../db/types.ts';

export async function listTopics(db: DbOrTrx, orgId: string): Promise<TextTopicsTable[]> {
  return db
    .selectFrom('text_topics')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

/** Replaces the whole taxonomy (the settings page edits it as one list). */
export async function replaceTopics(
  db: DbOrTrx,
  orgId: string,
  rows: TextTopicsTable[],
): Promise<void> {
  await db.deleteFrom('text_topics').where('org_id', '=', orgId).execute();
  if (rows.length) await db.insertInto('text_topics').values(rows).execute();
}

export async function findCorrection(
  db: DbOrTrx,
  orgId: string,
  feedbackId: string,
): Promise<TextCorrectionsTable | undefined> {
  return db
    .selectFrom('text_corrections')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('feedback_id', '=', feedbackId)
    .executeTakeFirst();
}

export async function upsertCorrection(db: DbOrTrx, row: TextCorrectionsTable): Promise<void> {
  await db
    .insertInto('text_corrections')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'feedback_id']).doUpdateSet({
        sentiment_label: row.sentiment_label,
        topics: row.topics,
        corrected_by: row.corrected_by,
        corrected_at: row.corrected_at,
      }),
    )
    .execute();
}

/** Ids of the org's records with text, oldest first, after `afterId` (keyset paging for batches). */
export async function listFeedbackIdsWithText(
  db: DbOrTrx,
  orgId: string,
  range: { from?: string; to?: string },
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  let q = db
    .selectFrom('feedback')
    .select('id')
    .where('org_id', '=', orgId)
    .where('text', 'is not', null)
    .where('text', '!=', '');
  if (range.from) q = q.where('received_at', '>=', range.from);
  if (range.to) q = q.where('received_at', '<', range.to);
  if (afterId) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** The topics of the records received in [from, to) (JSON arrays of keys). */
export async function listTopicsIn(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('feedback')
    .select('topics')
    .where('org_id', '=', orgId)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
}

// ---- The sweep: records with text and no analysis yet (feedback_text_pending_idx). ----

export type PendingRecord = Pick<
  FeedbackTable,
  'id' | 'org_id' | 'text' | 'score_type' | 'score_value'
>;

/** The oldest pending records of every organisation: the sweep is instance-wide work, and each
 * write below is scoped by the record's own org_id. */
export async function listPendingAnalysis(db: DbOrTrx, limit: number): Promise<PendingRecord[]> {
  return db
    .selectFrom('feedback')
    .select(['id', 'org_id', 'text', 'score_type', 'score_value'])
    .where('analysed_at', 'is', null)
    .where('text', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Of `ids`, those still pending, locked for this transaction; on PostgreSQL rows another worker
 * is writing are skipped (it will mark them analysed), on SQLite the transaction is exclusive.
 * "Still pending" is decided here, not in the WHERE: with the pending conditions there, PostgreSQL
 * may AND the primary key with the whole pending index (every pending row, each round: 225 ms at
 * 1 000 000 pending with stale statistics, docs/BENCHMARKS.md); by id alone it reads ≤ 200 rows. */
export async function lockStillPending(
  db: DbOrTrx,
  dialect: Dialect,
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const q = db.selectFrom('feedback').select(['id', 'analysed_at', 'text']).where('id', 'in', ids);
  const rows = await (dialect === 'postgres' ? q.forUpdate().skipLocked() : q).execute();
  return new Set(rows.filter((r) => r.analysed_at === null && r.text !== null).map((r) => r.id));
}

/** Taxonomies of several organisations in one query (orgs without rows use the defaults). */
export async function listTopicsOfOrgs(db: DbOrTrx, orgIds: string[]): Promise<TextTopicsTable[]> {
  if (!orgIds.length) return [];
  return db
    .selectFrom('text_topics')
    .selectAll()
    .where('org_id', 'in', orgIds)
    .orderBy('org_id')
    .orderBy('position')
    .orderBy('key')
    .execute();
}

/** Corrections of a batch of records in one query, matched on (org_id, feedback_id). */
export async function listCorrectionsOf(
  db: DbOrTrx,
  records: Array<{ org_id: string; id: string }>,
): Promise<TextCorrectionsTable[]> {
  if (!records.length) return [];
  const orgIds = [...new Set(records.map((r) => r.org_id))];
  const rows = await db
    .selectFrom('text_corrections')
    .selectAll()
    .where('org_id', 'in', orgIds)
    .where(
      'feedback_id',
      'in',
      records.map((r) => r.id),
    )
    .execute();
  const wanted = new Set(records.map((r) => `${r.org_id}:${r.id}`));
  return rows.filter((c) => wanted.has(`${c.org_id}:${c.feedback_id}`));
}

export interface AnalysisWrite {
  orgId: string;
  id: string;
  language: string | null;
  sentimentLabel: FeedbackTable['sentiment_label'];
  sentimentScore: number | null;
  topics: string[];
  topicSentiments: TextAnalysis['topicSentiments'];
}

/** A round's results in one statement (one round trip, one prepared statement instead of one per
 * record: docs/BENCHMARKS.md, issue 22): PostgreSQL joins unnest(…) arrays, SQLite json_each(?). */
export async function writeAnalyses(
  db: DbOrTrx,
  dialect: Dialect,
  writes: AnalysisWrite[],
  analysedAt: string,
): Promise<void> {
  if (!writes.length) return;
  if (dialect !== 'postgres') {
    const rows = JSON.stringify(
      writes.map((w) => [
        w.orgId,
        w.id,
        w.language,
        w.sentimentLabel,
        w.sentimentScore,
        JSON.stringify(w.topics),
        jsonOrNull(w.topicSentiments),
      ]),
    );
    await sql`update feedback set
        language = json_extract(v.value, '$[2]'), sentiment_label = json_extract(v.value, '$[3]'),
        sentiment_score = json_extract(v.value, '$[4]'), topics = json_extract(v.value, '$[5]'),
        topic_sentiments = json_extract(v.value, '$[6]'), analysed_at = ${analysedAt}
      from json_each(${rows}) as v
      where feedback.org_id = json_extract(v.value, '$[0]')
        and feedback.id = json_extract(v.value, '$[1]')`.execute(db);
    return;
  }
  const col = <T>(f: (w: AnalysisWrite) => T) => writes.map(f);
  await sql`update feedback as f set
      language = v.language, sentiment_label = v.sentiment_label,
      sentiment_score = v.sentiment_score, topics = v.topics::jsonb,
      topic_sentiments = v.topic_sentiments, analysed_at = ${analysedAt}
    from unnest(${col((w) => w.orgId)}::uuid[], ${col((w) => w.id)}::uuid[],
      ${col((w) => w.language)}::text[], ${col((w) => w.sentimentLabel)}::text[],
      ${col((w) => w.sentimentScore)}::real[], ${col((w) => JSON.stringify(w.topics))}::text[],
      ${col((w) => jsonOrNull(w.topicSentiments))}::text[])
      as v(org_id, id, language, sentiment_label, sentiment_score, topics, topic_sentiments)
    where f.org_id = v.org_id and f.id = v.id`.execute(db);
}

/** Marks records pending again (re-analysis on demand, legacy text.analyse jobs). */
export async function markPending(db: DbOrTrx, orgId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('feedback')
    .set({ analysed_at: null })
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export interface TextAnalysis {
  language: string | null;
  sentimentLabel: 'positive' | 'neutral' | 'negative' | null;
  sentimentScore: number | null;
  topics: string[];
  /** Each topic's own sentiment when the text mixes them (aspects.ts); null = the record's. */
  topicSentiments: Record<string, 'positive' | 'neutral' | 'negative'> | null;
}

const jsonOrNull = (v: object | null) => (v ? JSON.stringify(v) : null);

/** A person's correction; the sweep writes through writeAnalyses. The record itself never changes. */
export async function setTextAnalysis(
  db: DbOrTrx,
  orgId: string,
  id: string,
  a: TextAnalysis,
): Promise<void> {
  await db
    .updateTable('feedback')
    .set({
      language: a.language,
      sentiment_label: a.sentimentLabel,
      sentiment_score: a.sentimentScore,
      topics: JSON.stringify(a.topics),
      topic_sentiments: jsonOrNull(a.topicSentiments),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
