// The scorecard's drill-down into the response rate (issue 16): the invitations behind one
// stage's value in one period — exactly those stageResponseRates counts there — newest first.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';
import * as repo from './stage-invites.repo.ts';

export interface StageInvite {
  id: string;
  createdAt: string;
  answeredAt: string | null;
  surveyName: string;
  clientId: string | null;
}

export async function listStageInvites(
  ctx: Ctx,
  q: repo.StageInviteFilter & KeyPageQuery,
): Promise<CountedRows<StageInvite>> {
  assertCan(ctx.actor, 'data.read');
  const { total, rows } = await repo.listStageInvites(ctx.db, ctx.orgId, q);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      answeredAt: r.answered_at === null ? null : new Date(r.answered_at).toISOString(),
      surveyName: r.survey_name,
      clientId: r.client_id,
    })),
  };
}
