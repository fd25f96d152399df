// The scorecard's drill-down into eNPS (issue 16): how many answers gave each score 0–10 for one
// team over [from, to) (local days) — the cell employeeScorecard publishes — and only when that
// cell is shown. A hidden cell (fewer than ENPS_MIN_ANSWERS answers) gives its number of answers
// and nothing else, and no individual answer is ever listed.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { publishedEnps, type ScoreCount } from './enps.ts';
import * as repo from './pulse.repo.ts';

export interface EnpsCounts {
  answers: number;
  hidden: boolean;
  /** Scores 0–10 in order with their counts (zeros included); empty when hidden. */
  counts: ScoreCount[];
}

export async function stageEnpsCounts(
  ctx: Ctx,
  q: { stage: string; from: string; to: string },
): Promise<EnpsCounts> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.histogram(ctx.db, ctx.orgId, q);
  const hist = rows
    .filter((r) => r.stage_key === q.stage)
    .map((r) => ({ score: Number(r.score), count: Number(r.count) }));
  const cell = publishedEnps(hist);
  if (cell.hidden) return { answers: cell.answers, hidden: true, counts: [] };
  const counts = Array.from({ length: 11 }, (_, score) => ({
    score,
    count: hist.filter((h) => h.score === score).reduce((n, h) => n + h.count, 0),
  }));
  return { answers: cell.answers, hidden: false, counts };
}
