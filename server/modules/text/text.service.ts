// Analysis use-cases: re-analysis on demand and manual corrections (the analysis itself is the
// worker's sweep, sweep.ts).
import { inTransaction, type Ctx } from '../../context.ts';
import type { FeedbackTable, SentimentLabel, TextCorrectionsTable } from '../../db/types.ts';
import { scoreTextDisagreement } from '../../lib/text/sentiment.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { findFeedbackRecord } from '../feedback/index.ts';
import { recordAudit } from '../orgs/index.ts';
import type { AnalysisOut } from '../../../shared/api/text.ts';
import { applyCorrection } from './analyse.ts';
import * as repo from './text.repo.ts';
import { effectiveTopics } from './topics.service.ts';

/** Retired: intake no longer queues it; kept so jobs queued before the sweep still complete. */
export const ANALYSE_JOB = 'text.analyse';
export const REANALYSE_BATCH_JOB = 'text.reanalyse.batch';
export const REANALYSE_BATCH_SIZE = 200;

/** The legacy per-record job (still queued in databases from before the sweep): the record just
 * becomes pending again and the sweep analyses it with its batch. */
export async function markAnalysisPending(
  deps: Deps,
  orgId: string,
  feedbackId: string,
): Promise<void> {
  await repo.markPending(deps.db, orgId, [feedbackId]);
}

/** Counts the records in range and queues the first batch job; each batch queues the next. */
export async function reanalyse(ctx: Ctx, range: { from?: string; to?: string }): Promise<number> {
  assertCan(ctx.actor, 'org.manage');
  const runId = newId(ctx.clock.now().getTime());
  let queued = 0;
  let afterId: string | null = null;
  // Counting by pages keeps the query the same as the batch job's.
  for (;;) {
    const ids = await repo.listFeedbackIdsWithText(ctx.db, ctx.orgId, range, afterId, 1000);
    queued += ids.length;
    if (ids.length < 1000) break;
    afterId = ids[ids.length - 1]!;
  }
  await inTransaction(ctx, async (tx) => {
    if (queued)
      await tx.jobs.enqueue(tx.db, {
        name: REANALYSE_BATCH_JOB,
        orgId: tx.orgId,
        payload: { runId, from: range.from, to: range.to, afterId: null },
      });
    await recordAudit(tx, 'text.reanalyse', undefined, {
      from: range.from ?? null,
      to: range.to ?? null,
      queued,
    });
  });
  return queued;
}

/** One batch of a re-analysis run: its records become pending (the sweep re-analyses them and
 * re-applies corrections), and a full batch queues the next one. */
export async function runReanalyseBatch(
  deps: Deps,
  orgId: string,
  p: { runId: string; from?: string; to?: string; afterId: string | null },
  batchSize = REANALYSE_BATCH_SIZE,
): Promise<void> {
  const ids = await repo.listFeedbackIdsWithText(deps.db, orgId, p, p.afterId, batchSize);
  await deps.db.transaction().execute(async (trx) => {
    await repo.markPending(trx, orgId, ids);
    if (ids.length === batchSize) {
      const last = ids[ids.length - 1]!;
      await deps.jobs.enqueue(trx, {
        name: REANALYSE_BATCH_JOB,
        orgId,
        payload: { ...p, afterId: last },
        dedupeKey: `text-batch:${p.runId}:${last}`,
      });
    }
  });
}

export async function correctAnalysis(
  ctx: Ctx,
  feedbackId: string,
  body: { sentiment?: SentimentLabel; topics?: string[] },
): Promise<AnalysisOut> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const row = await findFeedbackRecord(tx, feedbackId);
    if (!row) throw notFound('Feedback');
    if (body.topics) {
      const known = new Set((await effectiveTopics(tx.db, tx.orgId)).map((t) => t.key));
      const unknown = body.topics.filter((k) => !known.has(k));
      if (unknown.length)
        throw new AppError('validation_failed', `Unknown topics: ${unknown.join(', ')}`, {
          invalidParams: [{ name: 'body.topics', reason: `unknown keys: ${unknown.join(', ')}` }],
        });
    }
    const previous = await repo.findCorrection(tx.db, tx.orgId, feedbackId);
    const correction: TextCorrectionsTable = {
      org_id: tx.orgId,
      feedback_id: feedbackId,
      sentiment_label: body.sentiment ?? previous?.sentiment_label ?? null,
      topics: body.topics ? JSON.stringify([...new Set(body.topics)]) : (previous?.topics ?? null),
      corrected_by: tx.actor.id,
      corrected_at: tx.clock.now().toISOString(),
    };
    await repo.upsertCorrection(tx.db, correction);
    const next = applyCorrection(analysisOfRow(row), correction);
    await repo.setTextAnalysis(tx.db, tx.orgId, feedbackId, next);
    await recordAudit(
      tx,
      'text.analysis.corrected',
      { type: 'feedback', id: feedbackId },
      { sentiment: body.sentiment ?? null, topics: body.topics ?? null },
    );
    return presentAnalysis(row, next, correction);
  });
}

/** One record's analysis for its page: aspects and the score/text disagreement included. */
export async function getAnalysis(ctx: Ctx, feedbackId: string): Promise<AnalysisOut> {
  assertCan(ctx.actor, 'data.read');
  const row = await findFeedbackRecord(ctx, feedbackId);
  if (!row) throw notFound('Feedback');
  const correction = await repo.findCorrection(ctx.db, ctx.orgId, feedbackId);
  return presentAnalysis(row, analysisOfRow(row), correction);
}

function analysisOfRow(row: FeedbackTable): repo.TextAnalysis {
  return {
    language: row.language,
    sentimentLabel: row.sentiment_label,
    sentimentScore: row.sentiment_score,
    topics: JSON.parse(row.topics) as string[],
    topicSentiments: row.topic_sentiments
      ? (JSON.parse(row.topic_sentiments) as repo.TextAnalysis['topicSentiments'])
      : null,
  };
}

export function presentAnalysis(
  row: Pick<FeedbackTable, 'id' | 'score_type' | 'score_value'>,
  a: repo.TextAnalysis,
  c: TextCorrectionsTable | undefined,
): AnalysisOut {
  const score =
    row.score_type && row.score_value !== null
      ? { type: row.score_type, value: row.score_value }
      : null;
  return {
    feedbackId: row.id,
    language: a.language,
    sentiment:
      a.sentimentLabel && a.sentimentScore !== null
        ? { label: a.sentimentLabel, score: a.sentimentScore }
        : null,
    topics: a.topics,
    topicSentiments: Object.fromEntries(
      a.topics.map((k) => [k, a.topicSentiments?.[k] ?? a.sentimentLabel]),
    ),
    disagreement: scoreTextDisagreement(score, a.sentimentLabel),
    corrected: c
      ? {
          sentiment: c.sentiment_label,
          topics: c.topics ? (JSON.parse(c.topics) as string[]) : null,
          correctedAt: c.corrected_at,
        }
      : null,
  };
}
