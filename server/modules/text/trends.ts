// Sentiment by month and topic counts over a period, for the dashboard chart: the same window and
// filters (stage, channel, segment, manager, client) as the satisfaction charts beside it.
import type { Ctx } from '../../context.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import { scoreTextDisagreement } from '../../lib/text/sentiment.ts';
import type { TrendsOut, TrendsQuery } from '../../../shared/api/text.ts';
import { findClient } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import * as repo from './trends.repo.ts';

const MAX_ROWS = 100_000;

/** The filter for the repo; ids name this organisation's client and person, or it is a 404. */
async function filterOf(ctx: Ctx, q: TrendsQuery): Promise<repo.TrendsFilter> {
  // As the satisfaction report (metrics/report-filter.ts): another organisation's id is the same
  // 404 as one that exists nowhere, so the chart never answers "no texts" for it.
  if (q.clientId !== undefined && !(await findClient(ctx, q.clientId)))
    throw unknownReference('query.clientId', 'client');
  if (q.managerId !== undefined && !(await findOrgUser(ctx, q.managerId)))
    throw unknownReference('query.managerId', 'user');
  const from = new Date(q.from).toISOString();
  const to = q.to === undefined ? undefined : new Date(q.to).toISOString();
  if (to !== undefined && from >= to)
    throw new AppError('validation_failed', '`from` must be before `to`', {
      invalidParams: [{ name: 'querystring.from', reason: 'must be before to' }],
    });
  const { stage, segment, managerId, clientId, channel } = q;
  return { from, to, stage, segment, managerId, clientId, channel };
}

export async function textTrends(ctx: Ctx, q: TrendsQuery): Promise<TrendsOut> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listAnalysedIn(ctx.db, ctx.orgId, await filterOf(ctx, q), MAX_ROWS);
  const months = new Map<string, { positive: number; neutral: number; negative: number }>();
  const topics = new Map<string, { count: number; negative: number; positive: number }>();
  const disagreements = { highScoreNegativeText: 0, lowScorePositiveText: 0 };
  for (const r of rows) {
    // PostgreSQL may hand back a Date for timestamptz; both become an ISO month.
    const month = new Date(r.received_at as string | Date).toISOString().slice(0, 7);
    const m = months.get(month) ?? { positive: 0, neutral: 0, negative: 0 };
    if (r.sentiment_label) m[r.sentiment_label] += 1;
    months.set(month, m);
    // A topic counts with its own sentiment when the text mixes them (issue 22).
    const aspects = r.topic_sentiments
      ? (JSON.parse(r.topic_sentiments) as Record<string, string>)
      : {};
    for (const key of JSON.parse(r.topics) as string[]) {
      const t = topics.get(key) ?? { count: 0, negative: 0, positive: 0 };
      const label = aspects[key] ?? r.sentiment_label;
      t.count += 1;
      if (label === 'negative') t.negative += 1;
      if (label === 'positive') t.positive += 1;
      topics.set(key, t);
    }
    const score =
      r.score_type && r.score_value !== null ? { type: r.score_type, value: r.score_value } : null;
    const disagreement = scoreTextDisagreement(score, r.sentiment_label);
    if (disagreement === 'high_score_negative_text') disagreements.highScoreNegativeText += 1;
    if (disagreement === 'low_score_positive_text') disagreements.lowScorePositiveText += 1;
  }
  return {
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, counts]) => ({ month, ...counts })),
    topics: [...topics.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([key, t]) => ({ key, ...t })),
    disagreements,
    truncated: rows.length === MAX_ROWS,
  };
}
