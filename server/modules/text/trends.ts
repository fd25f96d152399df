// Sentiment by month and topic counts over a period, for the dashboard chart.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { scoreTextDisagreement } from '../../lib/text/sentiment.ts';
import type { TrendsOut } from '../../../shared/api/text.ts';
import * as repo from './text.repo.ts';

const MAX_ROWS = 100_000;

export async function textTrends(ctx: Ctx, from: string): Promise<TrendsOut> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listAnalysedSince(
    ctx.db,
    ctx.orgId,
    new Date(from).toISOString(),
    MAX_ROWS,
  );
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
