// Intake: one normalised record per client utterance, from any channel, stored once.
// The record, its idempotency key, its case, its acknowledgement and its events commit together
// (intake.ts); a lone request joins others in a group commit (group-commit.ts).
import { isInTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Db, FeedbackTable, SentimentLabel } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { findClient } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import { sha256 } from '../../lib/crypto.ts';
import { decodeKeyCursor, toKeyPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { stableStringify } from '../../lib/stable-json.ts';
import {
  feedbackIn,
  SCORE_RANGES,
  type FeedbackIn,
  type ListFeedbackQuery,
} from '../../../shared/api/feedback.ts';
import * as repo from './feedback.repo.ts';
import { groupCommitFor } from './group-commit.ts';
import {
  recordMany,
  type IntakeItem,
  type IntakeOutcome,
  type RecordOptions,
  type RecordResult,
} from './intake.ts';

export type { IntakeOutcome, RecordOptions, RecordResult };

export async function recordFeedback(
  ctx: Ctx,
  input: FeedbackIn,
  opts: RecordOptions = {},
): Promise<RecordResult> {
  assertCan(ctx.actor, 'data.write');
  const item: IntakeItem = {
    ctx,
    input,
    opts,
    requestHash: opts.idempotencyKey ? sha256(stableStringify(input)) : '',
  };
  if (!isInTransaction(ctx)) return groupCommitFor(ctx.db as Db).run(item);
  // Inside a caller's transaction (imports, inbound mail): a duplicate written concurrently has
  // aborted it on PostgreSQL, so report a conflict instead of retrying.
  try {
    const [outcome] = await recordMany(ctx.db, [item]);
    if (!outcome!.ok) throw outcome!.error;
    return outcome!.result;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', 'A concurrent request stored the same record; retry');
    throw err;
  }
}

/** Many records inside the caller's transaction (imports): set-based, one outcome per item, in order. */
export async function recordFeedbackMany(
  tx: Ctx,
  items: readonly { input: FeedbackIn; opts?: RecordOptions }[],
): Promise<IntakeOutcome[]> {
  assertCan(tx.actor, 'data.write');
  if (!isInTransaction(tx))
    throw new Error('recordFeedbackMany must run inside the caller’s transaction');
  return recordMany(
    tx.db,
    items.map((i) => ({ ctx: tx, input: i.input, opts: i.opts ?? {}, requestHash: '' })),
  );
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
  const results = new Array<BatchResult>(items.length);
  const valid: IntakeItem[] = [];
  const validIndex: number[] = [];
  items.forEach((item, index) => {
    const parsed = feedbackIn.safeParse(item);
    if (parsed.success) {
      valid.push({ ctx, input: parsed.data, opts: {}, requestHash: '' });
      validIndex.push(index);
      return;
    }
    const invalidParams = parsed.error.issues.map((i) => ({
      name: ['items', index, ...i.path].join('.'),
      reason: i.message,
    }));
    results[index] = {
      index,
      status: 'error',
      error: { code: 'validation_failed', detail: 'The item is not valid', invalidParams },
    };
  });
  // Outside a caller's transaction the batch commits like an intake group: durable before the
  // answer, without an fsync on the event loop (group-commit.ts).
  const run = () =>
    isInTransaction(ctx) ? recordMany(ctx.db, valid) : groupCommitFor(ctx.db as Db).batch(valid);
  let outcomes: IntakeOutcome[];
  try {
    outcomes = await run();
  } catch (err) {
    // A concurrent request stored one of the source ids first: the replay sees it as a duplicate.
    if (!isUniqueViolation(err) || isInTransaction(ctx)) throw err;
    outcomes = await run();
  }
  outcomes.forEach((outcome, k) => {
    const index = validIndex[k]!;
    results[index] = outcome.ok
      ? {
          index,
          status: outcome.result.created ? 'created' : 'duplicate',
          id: outcome.result.record.id,
        }
      : {
          index,
          status: 'error',
          error: {
            code: outcome.error.code,
            detail: outcome.error.message,
            ...(outcome.error.details?.invalidParams
              ? { invalidParams: outcome.error.details.invalidParams }
              : {}),
          },
        };
  });
  return results;
}

export async function getFeedback(ctx: Ctx, id: string): Promise<FeedbackTable> {
  assertCan(ctx.actor, 'data.read');
  return repo.getFeedback(ctx.db, ctx.orgId, id);
}

/** The list's filters as the query string gives them (shared/api/feedback.ts). */
export type FeedbackListQuery = Omit<ListFeedbackQuery, 'cursor' | 'limit' | 'hasCase'> & {
  hasCase?: 'true' | 'false';
};

/**
 * A client or manager filter names this organisation's client or person, or the request is a
 * 404 (issue 21): another organisation's id answers as one that exists nowhere.
 */
async function assertListReferences(ctx: Ctx, q: FeedbackListQuery): Promise<void> {
  if (q.clientId !== undefined && !(await findClient(ctx, q.clientId)))
    throw unknownReference('query.clientId', 'client');
  if (q.managerId !== undefined && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
}

/** The list's filters for the repo; a window that ends before it starts is refused (400). */
function filterOf(q: FeedbackListQuery): repo.FeedbackFilter {
  if (q.from && q.to && new Date(q.from) >= new Date(q.to))
    throw new AppError('validation_failed', 'from must be before to', {
      invalidParams: [{ name: 'query.from', reason: 'must be before to' }],
    });
  if (q.scoreMax !== undefined && !q.scoreType)
    throw new AppError('validation_failed', 'scoreMax needs scoreType', {
      invalidParams: [{ name: 'query.scoreMax', reason: 'needs scoreType' }],
    });
  const range = q.scoreType ? SCORE_RANGES[q.scoreType] : undefined;
  const max = range && Math.min(range[1], q.scoreMax ?? range[1]);
  return {
    clientId: q.clientId,
    channel: q.channel,
    stage: q.stage,
    sentiment: q.sentiment,
    topic: q.topic,
    hasCase: q.hasCase === undefined ? undefined : q.hasCase === 'true',
    score: q.scoreType ? { type: q.scoreType, min: range![0], max: max! } : undefined,
    segment: q.segment,
    managerId: q.managerId,
    noStage: q.noStage === 'true',
    noSegment: q.noSegment === 'true',
    from: q.from ? new Date(q.from).toISOString() : undefined,
    to: q.to ? new Date(q.to).toISOString() : undefined,
  };
}

export async function listFeedback(
  ctx: Ctx,
  q: FeedbackListQuery & { cursor?: string; limit: number },
) {
  assertCan(ctx.actor, 'data.read');
  await assertListReferences(ctx, q);
  const rows = await repo.listFeedback(ctx.db, ctx.orgId, {
    ...filterOf(q),
    before: decodeKeyCursor(q.cursor),
    limit: q.limit,
  });
  return toKeyPage(rows, q.limit, (r) => r.received_at);
}

/** How many records the list's filters match: what a chart's bar counted, said beside its list. */
export async function countFeedback(ctx: Ctx, q: FeedbackListQuery): Promise<number> {
  assertCan(ctx.actor, 'data.read');
  await assertListReferences(ctx, q);
  return repo.countFeedback(ctx.db, ctx.orgId, filterOf(q));
}
