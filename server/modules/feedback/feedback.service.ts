// Intake: one normalised record per client utterance, from any channel, stored once.
// The record, its idempotency key, its case, its acknowledgement and its events commit together.
import { inTransaction, isInTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { ContactsTable, Db, FeedbackTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { newPublicRef } from '../../lib/public-ref.ts';
import { stableStringify } from '../../lib/stable-json.ts';
import { feedbackIn, type FeedbackIn } from '../../../shared/api/feedback.ts';
import { findContact, resolveClient, resolveContact } from '../clients/index.ts';
import { afterFeedbackRecorded } from './feedback.effects.ts';
import * as repo from './feedback.repo.ts';
import { groupCommitFor } from './group-commit.ts';

export interface RecordOptions {
  idempotencyKey?: string;
  /** Set by channels that already know the contact (survey invitations, matched senders). */
  contactId?: string;
  surveyId?: string;
  raw?: unknown;
  /** Follow-up ratings and historical imports need no "we received your feedback" mail. */
  skipAcknowledgement?: boolean;
  /** Historical imports: store the record without opening cases (their SLA is long past). */
  skipCaseRules?: boolean;
}

export interface RecordResult {
  record: FeedbackTable;
  /** false when the idempotency key or source id named a record stored before. */
  created: boolean;
}

export async function recordFeedback(ctx: Ctx, input: FeedbackIn, opts: RecordOptions = {}): Promise<RecordResult> {
  assertCan(ctx.actor, 'data.write');
  const requestHash = opts.idempotencyKey ? sha256(stableStringify(input)) : '';
  const work = (tx: Ctx) => recordInTransaction(tx, input, opts, requestHash);
  if (!isInTransaction(ctx)) return groupCommitFor(ctx.db as Db).run(ctx, work);
  // Inside a caller's transaction (imports): a duplicate written concurrently has aborted it on
  // PostgreSQL, so report a conflict instead of retrying.
  try {
    return await work(ctx);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'A concurrent request stored the same record; retry');
    throw err;
  }
}

async function findDuplicate(tx: Ctx, input: FeedbackIn, opts: RecordOptions, requestHash: string): Promise<FeedbackTable | undefined> {
  if (opts.idempotencyKey) {
    const key = await repo.findIdempotencyKey(tx.db, tx.orgId, opts.idempotencyKey);
    if (key) {
      if (key.request_hash !== requestHash) {
        throw new AppError('idempotency_conflict', 'This Idempotency-Key was used with a different request body');
      }
      return repo.getFeedback(tx.db, tx.orgId, key.resource_id);
    }
  }
  return input.sourceId ? repo.findFeedbackBySourceId(tx.db, tx.orgId, input.sourceId) : undefined;
}

async function recordInTransaction(tx: Ctx, input: FeedbackIn, opts: RecordOptions, requestHash: string): Promise<RecordResult> {
  const duplicate = await findDuplicate(tx, input, opts, requestHash);
  if (duplicate) return { record: duplicate, created: false };

  const client = await resolveClient(tx, { clientId: input.clientId, client: input.client });
  let contact: ContactsTable | undefined;
  const knownContactId = opts.contactId ?? input.contactId;
  if (knownContactId) {
    contact = await findContact(tx, knownContactId);
    if (!contact) throw new AppError('unprocessable', 'contactId names no contact of this organisation', { invalidParams: [{ name: 'body.contactId', reason: 'unknown contact' }] });
  } else {
    contact = await resolveContact(tx, client?.id, input.contact);
  }

  const now = tx.clock.now();
  const row: FeedbackTable = {
    id: newId(now.getTime()),
    org_id: tx.orgId,
    public_ref: newPublicRef(),
    channel: input.channel,
    client_id: client?.id ?? contact?.client_id ?? null,
    contact_id: contact?.id ?? null,
    stage: input.stage ?? null,
    survey_id: opts.surveyId ?? null,
    score_type: input.score?.type ?? null,
    score_value: input.score?.value ?? null,
    text: input.text ?? null,
    language: null,
    sentiment_label: null,
    sentiment_score: null,
    topics: '[]',
    source_id: input.sourceId ?? null,
    raw: opts.raw === undefined ? null : JSON.stringify(opts.raw),
    case_id: null,
    acknowledged_at: null,
    received_at: input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString(),
    created_at: now.toISOString(),
  };
  await repo.insertFeedback(tx.db, row);
  if (opts.idempotencyKey) {
    await repo.insertIdempotencyKey(tx.db, { org_id: tx.orgId, key: opts.idempotencyKey, request_hash: requestHash, resource_id: row.id, created_at: row.created_at });
  }
  const caseId = await afterFeedbackRecorded(tx, row, opts.skipAcknowledgement ? undefined : contact, { openCases: !opts.skipCaseRules });
  return { record: { ...row, case_id: caseId ?? null }, created: true };
}

export interface BatchResult {
  index: number;
  status: 'created' | 'duplicate' | 'error';
  id?: string;
  error?: { code: string; detail: string; invalidParams?: { name: string; reason: string }[] };
}

/** Up to 1000 records in one transaction; an invalid item is reported and does not stop the others. */
export async function recordFeedbackBatch(ctx: Ctx, items: unknown[]): Promise<BatchResult[]> {
  assertCan(ctx.actor, 'data.write');
  const run = () =>
    inTransaction(ctx, async (tx) => {
      const results: BatchResult[] = [];
      for (const [index, item] of items.entries()) {
        const parsed = feedbackIn.safeParse(item);
        if (!parsed.success) {
          const invalidParams = parsed.error.issues.map((i) => ({ name: ['items', index, ...i.path].join('.'), reason: i.message }));
          results.push({ index, status: 'error', error: { code: 'validation_failed', detail: 'The item is not valid', invalidParams } });
          continue;
        }
        try {
          const r = await recordInTransaction(tx, parsed.data, {}, '');
          results.push({ index, status: r.created ? 'created' : 'duplicate', id: r.record.id });
        } catch (err) {
          // Only checks that fail before any write (e.g. an unknown clientId) are per-item errors.
          if (!(err instanceof AppError)) throw err;
          results.push({ index, status: 'error', error: { code: err.code, detail: err.message, ...(err.details?.invalidParams ? { invalidParams: err.details.invalidParams } : {}) } });
        }
      }
      return results;
    });
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err) && !isInTransaction(ctx)) return run();
    throw err;
  }
}

export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getFeedback(ctx.db, ctx.orgId, id);
}

export async function listFeedback(
  ctx: Ctx,
  q: {
    clientId?: string;
    channel?: string;
    stage?: string;
    hasCase?: 'true' | 'false';
    sentiment?: 'positive' | 'neutral' | 'negative';
    topic?: string;
    from?: string;
    to?: string;
    cursor?: string;
    limit: number;
  },
) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listFeedback(ctx.db, ctx.orgId, {
    clientId: q.clientId,
    channel: q.channel,
    stage: q.stage,
    sentiment: q.sentiment,
    topic: q.topic,
    hasCase: q.hasCase === undefined ? undefined : q.hasCase === 'true',
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}
