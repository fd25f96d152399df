// Response rate per journey stage and period (the scorecard's satisfaction layer, issue 16): of
// the personal invitations a stage's surveys sent in the period, the share answered so far.
import type { Ctx } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './surveys.repo.ts';

export interface InviteCount {
  sent: number;
  answered: number;
}

/** Per stage key, one count per period of the window (oldest first); `bounds` are instants. */
export async function stageResponseRates(
  ctx: Ctx,
  q: { bounds: readonly string[]; stage?: string; segment?: string; managerId?: string },
): Promise<Map<string, InviteCount[]>> {
  assertCan(ctx.actor, 'data.read');
  const out = new Map<string, InviteCount[]>();
  for (const r of await repo.countStageInvitesByPeriod(ctx.db, ctx.orgId, q)) {
    let counts = out.get(r.stage);
    if (!counts) {
      counts = Array.from({ length: q.bounds.length - 1 }, () => ({ sent: 0, answered: 0 }));
      out.set(r.stage, counts);
    }
    counts[r.bucket] = { sent: r.sent, answered: r.answered };
  }
  return out;
}
