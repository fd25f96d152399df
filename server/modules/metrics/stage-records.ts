// The scorecard's drill-down into NPS, CSAT and CES (issue 16): the records behind one stage's
// value in one period — exactly those stageSatisfaction counts there — newest first.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';
import type { ClientFilter } from './metrics.repo.ts';
import { SCALES, type SatisfactionMetric } from './satisfaction.ts';
import * as repo from './stage-records.repo.ts';

export interface StageScoreRecord {
  id: string;
  publicRef: string;
  clientId: string | null;
  score: number;
  text: string | null;
  receivedAt: string;
}

/** `from`/`to` are the period's instants (ISO, UTC): [from, to). */
export async function listStageScoreRecords(
  ctx: Ctx,
  q: ClientFilter &
    KeyPageQuery & { stage: string; scoreType: SatisfactionMetric; from: string; to: string },
): Promise<CountedRows<StageScoreRecord>> {
  assertCan(ctx.actor, 'data.read');
  const { total, rows } = await repo.listStageScoreRecords(ctx.db, ctx.orgId, {
    ...q,
    range: SCALES[q.scoreType],
  });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      publicRef: r.public_ref,
      clientId: r.client_id,
      score: Number(r.score_value),
      text: r.text,
      receivedAt: new Date(r.received_at).toISOString(),
    })),
  };
}
