// The scorecard's drill-down into the phone metrics (issue 16): the calls behind one stage's
// figures over [from, to) — exactly the calls getOperationsMetrics groups under the stage — with
// what each gave: answered or missed, the wait, and how a missed call was called back.
import type { Ctx } from '../../context.ts';
import type { KeyPageQuery } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { isMissed } from './callbacks.ts';
import { callbackOutcome } from './operations.ts';
import * as repo from './telephony.repo.ts';
import { getCallbackTargetMinutes } from './telephony.service.ts';

export interface StageCall {
  id: string;
  startedAt: string;
  direction: 'in' | 'out';
  answered: boolean;
  waitSeconds: number;
  clientId: string | null;
  employee: string | null;
  /** Missed inbound calls only (null otherwise); `pending` ones are not counted yet. */
  callback: ReturnType<typeof callbackOutcome> | null;
}

/** `from`/`to` are instants (ISO, UTC). */
export async function listStageCalls(
  ctx: Ctx,
  q: { stage: string; from: string; to: string } & KeyPageQuery,
): Promise<{ total: number; rows: StageCall[] }> {
  assertCan(ctx.actor, 'data.read');
  const targetMinutes = await getCallbackTargetMinutes(ctx);
  const now = ctx.clock.now();
  const { total, rows } = await repo.listStageCalls(ctx.db, ctx.orgId, q);
  return {
    total,
    rows: rows.map((c) => ({
      id: c.id,
      startedAt: new Date(c.started_at).toISOString(),
      direction: c.direction,
      answered: Number(c.answered) === 1,
      waitSeconds: Number(c.wait_seconds),
      clientId: c.client_id,
      employee: c.employee,
      callback: isMissed(c) ? callbackOutcome(c, { targetMinutes, now }) : null,
    })),
  };
}
