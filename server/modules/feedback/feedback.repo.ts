// The only file of the feedback module with SQL.
import { insertRows } from '../../db/bulk.ts';
import type {
  DbOrTrx,
  FeedbackTable,
  IdempotencyKeysTable,
  ScoreType,
  SentimentLabel,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { likeContains } from '../../db/like.ts';
import { selectByKeys } from '../../db/select-by-keys.ts';
import { dialectOf } from '../../db/create-db.ts';
import { refCipher, refKeyOf } from '../../lib/public-ref.ts';
import { sql } from 'kysely';
import { before } from '../../db/keyset.ts';
import type { KeyCursor } from '../../lib/paging.ts';

/** Multi-row insert (intake groups and batches); every row carries its own org_id. */
export async function insertFeedbackRows(
  db: DbOrTrx,
  rows: readonly FeedbackTable[],
): Promise<void> {
  await insertRows(db, 'feedback', rows);
}

export async function findFeedback(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<FeedbackTable | undefined> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getFeedback(db: DbOrTrx, orgId: string, id: string): Promise<FeedbackTable> {
  const row = await findFeedback(db, orgId, id);
  if (!row) throw notFound('Feedback');
  return row;
}

export async function findFeedbackBySourceIds(
  db: DbOrTrx,
  orgId: string,
  sourceIds: readonly string[],
): Promise<FeedbackTable[]> {
  return selectByKeys(db, 'source_id', sourceIds, (keys) =>
    db.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where(keys),
  );
}

export async function findFeedbackByIds(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
): Promise<FeedbackTable[]> {
  return selectByKeys(
    db,
    'id',
    ids,
    (keys) => db.selectFrom('feedback').selectAll().where('org_id', '=', orgId).where(keys),
    'uuid',
  );
}

/**
 * Public status pages look records up by their unguessable reference, across organisations: a
 * numbered reference by its number's key, one stored before migration 0009 by itself.
 */
export async function findFeedbackByPublicRef(
  db: DbOrTrx,
  publicRef: string,
): Promise<FeedbackTable | undefined> {
  const n = refCipher(await refCipherKey(db)).numberOf(publicRef);
  const keys = n === undefined ? [publicRef] : [publicRef, refKeyOf(n)];
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('ref_key', 'in', keys)
    .where('public_ref', '=', publicRef)
    .executeTakeFirst();
}

/** The key of this installation's references (made by migration 0009, never changed). */
export async function refCipherKey(db: DbOrTrx): Promise<string> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'feedback_ref_key')
    .executeTakeFirst();
  if (!row) throw new Error('instance setting feedback_ref_key is missing: run the migrations');
  return row.value;
}

/**
 * `count` new record numbers, ascending, with the references' key. SQLite counts in a setting
 * row inside the caller's transaction (one writer at a time). PostgreSQL draws from a sequence in
 * blocks of NUMBER_BLOCK kept per database handle, so most groups spend no round trip on their
 * numbers and concurrent groups never wait for each other. Numbers of a rolled-back group, and a
 * block's rest when the process stops, are skipped: references need only be unique (ADR 007).
 */
export async function nextRecordNumbers(
  db: DbOrTrx,
  count: number,
  at: string,
): Promise<{ numbers: number[]; key: string }> {
  if (dialectOf(db) === 'postgres') return takePgNumbers(db, count);
  const { rows } = await sql<{ last: number }>`
    update instance_settings set value = cast(cast(value as integer) + cast(${count} as integer) as text), updated_at = ${at}
    where key = 'feedback_ref_last' returning cast(value as integer) as last`.execute(db);
  if (!rows[0])
    throw new Error('instance setting feedback_ref_last is missing: run the migrations');
  const first = Number(rows[0].last) - count + 1;
  return {
    numbers: Array.from({ length: count }, (_, i) => first + i),
    key: await refCipherKey(db),
  };
}

/** Numbers drawn from the PostgreSQL sequence per round trip when a group finds the block empty. */
export const NUMBER_BLOCK = 256;

interface NumberBlock {
  key: string;
  numbers: number[];
}

/**
 * Drawn but unused numbers per database handle: a transaction shares its Kysely instance's
 * adapter, so the adapter names the database (each test schema has its own handle).
 */
const pgBlocks = new WeakMap<object, NumberBlock>();

async function takePgNumbers(
  db: DbOrTrx,
  count: number,
): Promise<{ numbers: number[]; key: string }> {
  const owner = db.getExecutor().adapter;
  let block = pgBlocks.get(owner);
  while (!block || block.numbers.length < count) {
    // Two groups may find the block short at once: both draw, and both draws join the block.
    const { rows } = await sql<{ n: string | number; k: string }>`
      select nextval('feedback_ref_numbers') as n, (select value from instance_settings where key = 'feedback_ref_key') as k
      from generate_series(1, ${Math.max(count, NUMBER_BLOCK)}::int)`.execute(db);
    if (!rows[0]?.k)
      throw new Error('instance setting feedback_ref_key is missing: run the migrations');
    const drawn = rows.map((r) => Number(r.n));
    block = pgBlocks.get(owner);
    // A block drawn under another key (migration 0009 undone and redone) is dropped here.
    if (block && block.key === rows[0].k) block.numbers.push(...drawn);
    else pgBlocks.set(owner, (block = { key: rows[0].k, numbers: drawn }));
    block.numbers.sort((a, b) => a - b);
  }
  return { numbers: block.numbers.splice(0, count), key: block.key };
}

export interface FeedbackFilter {
  clientId?: string;
  sentiment?: SentimentLabel;
  /** A topic key; topics are a JSON array of keys, matched as a quoted element. */
  topic?: string;
  channel?: string;
  stage?: string;
  hasCase?: boolean;
  /** A score of this type within [min, max] (the satisfaction charts' condition). */
  score?: { type: ScoreType; min: number; max: number };
  segment?: string;
  noStage?: boolean;
  noSegment?: boolean;
  from?: string;
  to?: string;
}

/** The records a filter matches, as the satisfaction metrics count them (metrics.repo.ts). */
function filtered(db: DbOrTrx, orgId: string, f: FeedbackFilter) {
  let q = db.selectFrom('feedback').where('org_id', '=', orgId);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.channel) q = q.where('channel', '=', f.channel as FeedbackTable['channel']);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.noStage) q = q.where('stage', 'is', null);
  if (f.sentiment) q = q.where('sentiment_label', '=', f.sentiment);
  if (f.topic) q = q.where(likeContains('topics', JSON.stringify(f.topic), { asText: true }));
  if (f.hasCase !== undefined) q = q.where('case_id', f.hasCase ? 'is not' : 'is', null);
  if (f.score)
    q = q
      .where('score_type', '=', f.score.type)
      .where('score_value', '>=', f.score.min)
      .where('score_value', '<=', f.score.max);
  const ofSegment = (segment: string | null) =>
    db
      .selectFrom('clients as c')
      .select('c.id')
      .where('c.org_id', '=', orgId)
      .where('c.segment', segment === null ? 'is' : '=', segment);
  if (f.segment) q = q.where('client_id', 'in', ofSegment(f.segment));
  if (f.noSegment)
    q = q.where((eb) =>
      eb.or([eb('client_id', 'is', null), eb('client_id', 'in', ofSegment(null))]),
    );
  if (f.from) q = q.where('received_at', '>=', f.from);
  if (f.to) q = q.where('received_at', '<', f.to);
  return q;
}

/** Newest received first (ties by id); pages on (received_at, id). */
export async function listFeedback(
  db: DbOrTrx,
  orgId: string,
  f: FeedbackFilter & { before?: KeyCursor; limit: number },
): Promise<FeedbackTable[]> {
  let q = filtered(db, orgId, f).selectAll();
  if (f.before) q = q.where(before('received_at', f.before));
  return q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** How many records the filter matches. */
export async function countFeedback(
  db: DbOrTrx,
  orgId: string,
  f: FeedbackFilter,
): Promise<number> {
  const row = await filtered(db, orgId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** First acceptance by the mail server wins; later retries do not move the time. */
export async function markAcknowledged(
  db: DbOrTrx,
  orgId: string,
  id: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('feedback')
    .set({ acknowledged_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
}

export async function findIdempotencyKeys(
  db: DbOrTrx,
  orgId: string,
  keys: readonly string[],
): Promise<IdempotencyKeysTable[]> {
  return selectByKeys(db, 'key', keys, (k) =>
    db.selectFrom('idempotency_keys').selectAll().where('org_id', '=', orgId).where(k),
  );
}

export async function insertIdempotencyKeys(
  db: DbOrTrx,
  rows: readonly IdempotencyKeysTable[],
): Promise<void> {
  await insertRows(db, 'idempotency_keys', rows);
}

/** Client and receipt time of the records of known clients received in [from, to). */
export async function clientFeedbackTimes(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('feedback')
    .select(['client_id', 'received_at'])
    .where('org_id', '=', orgId)
    .where('client_id', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .execute();
}

/** NPS answers of known clients received in [from, to), oldest first (ties by id). */
export async function clientNpsAnswers(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('feedback')
    .select(['client_id', 'score_value'])
    .where('org_id', '=', orgId)
    .where('client_id', 'is not', null)
    .where('score_type', '=', 'nps')
    .where('score_value', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}
