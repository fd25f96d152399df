// Sentiment by month and topic counts over a period, for the dashboard chart.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
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
  const topics = new Map<string, { count: number; negative: number }>();
  for (const r of rows) {
    // PostgreSQL may hand back a Date for timestamptz; both become an ISO month.
    const month = new Date(r.received_at as string | Date).toISOString().slice(0, 7);
    const m = months.get(month) ?? { positive: 0, neutral: 0, negative: 0 };
    if (r.sentiment_label) m[r.sentiment_label] += 1;
    months.set(month, m);
    for (const key of JSON.parse(r.topics) as string[]) {
      const t = topics.get(key) ?? { count: 0, negative: 0 };
      t.count += 1;
      if (r.sentiment_label === 'negative') t.negative += 1;
      topics.set(key, t);
    }
  }
  return {
    months: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, counts]) => ({ month, ...counts })),
    topics: [...topics.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([key, t]) => ({ key, ...t })),
    truncated: rows.length === MAX_ROWS,
  };
}
