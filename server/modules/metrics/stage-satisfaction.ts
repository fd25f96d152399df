// The satisfaction layer of the scorecard (issue 16): NPS, CSAT and CES of every journey stage in
// every period of a window, from one grouped scan; the formulas are satisfaction.ts's, so the
// numbers match GET /api/v1/metrics/satisfaction?stage=… over the same instants.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { ScoreType } from '../../db/types.ts';
import { scoreGroupsOf, scoreMonthsOf } from '../feedback/index.ts';
import * as repo from './metrics.repo.ts';
import {
  computeSatisfaction,
  type SatisfactionMetric,
  type SatisfactionResult,
  type ScoreCount,
} from './satisfaction.ts';

export type StageSatisfaction = Record<'nps' | 'csat' | 'ces', SatisfactionResult>;

export interface StageSatisfactionQuery extends repo.ClientFilter {
  bounds: readonly string[];
  stage?: string;
  /**
   * When the periods are whole months of the organisation's zone: each period's months
   * (YYYY-MM) and the zone. The counts then come from feedback's monthly rollup (ADR 013), or
   * its split by client group when a segment or manager narrows the clients (ADR 017), if it
   * was counted in that zone.
   */
  months?: { timeZone: string; periods: readonly (readonly string[])[] };
}

/** The grouped counts from the rollup, bucketed like the scan's; null when it cannot answer. */
async function fromRollup(ctx: Ctx, q: StageSatisfactionQuery) {
  if (!q.months) return null;
  const bucketOf = new Map<string, number>();
  q.months.periods.forEach((months, i) => months.forEach((m) => bucketOf.set(m, i)));
  const all = q.months.periods.flat();
  const window = {
    fromMonth: all[0]!,
    toMonth: nextMonth(all.at(-1)!),
    timeZone: q.months.timeZone,
    stage: q.stage,
  };
  const rows =
    q.segment === undefined && q.managerId === undefined
      ? await scoreMonthsOf(ctx, window)
      : await scoreGroupsOf(ctx, { ...window, segment: q.segment, managerId: q.managerId });
  if (rows === null) return null;
  const counts = new Map<
    string,
    { stage: string; scoreType: ScoreType; score: number; bucket: number; count: number }
  >();
  for (const r of rows) {
    const bucket = bucketOf.get(r.month);
    if (bucket === undefined) continue;
    const key = `${r.stage}|${r.scoreType}|${r.score}|${bucket}`;
    const c = counts.get(key);
    if (c) c.count += r.count;
    else
      counts.set(key, {
        stage: r.stage,
        scoreType: r.scoreType,
        score: r.score,
        bucket,
        count: r.count,
      });
  }
  return [...counts.values()];
}

const nextMonth = (month: string) => {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

/**
 * Per stage key, one entry per period (bounds.length − 1 of them, oldest first). `bounds` are
 * the periods' boundaries as instants (ISO, UTC).
 */
export async function stageSatisfaction(
  ctx: Ctx,
  q: StageSatisfactionQuery,
): Promise<Map<string, StageSatisfaction[]>> {
  assertCan(ctx.actor, 'data.read');
  const rows =
    (await fromRollup(ctx, q)) ?? (await repo.countStageScoresByPeriod(ctx.db, ctx.orgId, q));
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
