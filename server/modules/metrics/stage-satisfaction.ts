// The satisfaction layer of the scorecard (issue 16): NPS, CSAT and CES of every journey stage in
// every period of a window, from one grouped scan; the formulas are satisfaction.ts's, so the
// numbers match GET /api/v1/metrics/satisfaction?stage=… over the same instants.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './metrics.repo.ts';
import {
  computeSatisfaction,
  type SatisfactionMetric,
  type SatisfactionResult,
  type ScoreCount,
} from './satisfaction.ts';

export type StageSatisfaction = Record<'nps' | 'csat' | 'ces', SatisfactionResult>;

/**
 * Per stage key, one entry per period (bounds.length − 1 of them, oldest first). `bounds` are
 * the periods' boundaries as instants (ISO, UTC).
 */
export async function stageSatisfaction(
  ctx: Ctx,
  q: repo.ClientFilter & { bounds: readonly string[]; stage?: string },
): Promise<Map<string, StageSatisfaction[]>> {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.countStageScoresByPeriod(ctx.db, ctx.orgId, q);
  const periods = q.bounds.length - 1;
  const hist = new Map<string, ScoreCount[]>();
  const stages = new Set<string>();
  for (const r of rows) {
    stages.add(r.stage);
    const key = `${r.stage}|${r.scoreType}|${r.bucket}`;
    hist.set(key, [...(hist.get(key) ?? []), { score: r.score, count: r.count }]);
  }
  const out = new Map<string, StageSatisfaction[]>();
  const of = (stage: string, type: SatisfactionMetric, i: number) =>
    computeSatisfaction(type, hist.get(`${stage}|${type}|${i}`) ?? []);
  for (const stage of stages)
    out.set(
      stage,
      Array.from({ length: periods }, (_, i) => ({
        nps: of(stage, 'nps', i),
        csat: of(stage, 'csat', i),
        ces: of(stage, 'ces', i),
      })),
    );
  return out;
}
