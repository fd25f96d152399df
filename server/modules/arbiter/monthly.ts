// The worker's part (issue 16: "refreshed by the worker after each period closes"): every hour,
// each organisation whose last full month has no report computed after that month ended gets one.
// Late data — feedback received in that month but stored after the report was computed, or a
// transaction dated in it written or changed since — makes the next round compute it again.
// A round does nothing once every organisation is up to date.
import { z } from 'zod';
import { systemCtx, type Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import { transactionsChangedIn } from '../economics/index.ts';
import { feedbackArrivedSince } from '../metrics/index.ts';
import { listOrgIds, orgTimeZone } from '../orgs/index.ts';
import * as repo from './arbiter.repo.ts';
import { refreshArbiter } from './arbiter.service.ts';
import { arbiterWindow } from './window.ts';

export const ARBITER_MONTHLY_JOB = 'arbiter.monthly';

/** Refreshes every organisation whose last full month is not reported yet; returns how many. */
export async function refreshClosedMonths(deps: Deps): Promise<number> {
  let refreshed = 0;
  for (const orgId of await listOrgIds(deps.db)) {
    const ctx = systemCtx(deps, orgId);
    const w = arbiterWindow({}, await orgTimeZone(ctx), deps.clock.now());
    const stored = await repo.findReport(deps.db, orgId, w.from, w.to);
    if (stored && stored.computed_at >= w.toInstant) {
      const since = new Date(stored.computed_at).toISOString();
      const late =
        (await feedbackArrivedSince(ctx, w.fromInstant, w.toInstant, since)) ||
        (await transactionsChangedIn(ctx, w.from, w.to, since));
      if (!late) continue;
    }
    await refreshArbiter(ctx, {});
    refreshed += 1;
  }
  return refreshed;
}

export function arbiterJobs(deps: Deps) {
  return [
    defineJob({
      name: ARBITER_MONTHLY_JOB,
      payload: z.object({}),
      handler: async (job) => {
        const refreshed = await refreshClosedMonths(deps);
        if (refreshed) job.log.info({ refreshed }, 'arbiter reports refreshed');
      },
    }),
  ];
}
