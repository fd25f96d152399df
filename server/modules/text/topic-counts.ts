// How many records spoke of each topic in a window [from, to) — the Today page's "what moved this
// week" compares two of them. A record counts once per topic, as the feedback list's topic filter
// finds it, so each count is exactly the list its drill-down opens.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './text.repo.ts';

export async function topicCountsIn(
  ctx: Ctx,
  window: { from: string; to: string },
): Promise<Map<string, number>> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listTopicsIn(ctx.db, ctx.orgId, window.from, window.to);
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const key of new Set(JSON.parse(r.topics) as string[]))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
