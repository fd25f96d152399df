// The worker's part (issue 17): every 10 minutes each organisation's current scores are
// recomputed when older than that, and the last closed month and quarter get their snapshot
// when they have none (the first round after a period closes takes it). Idempotent.
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { defineJob } from '../../jobs/queue.ts';
import { listOrgIds } from '../orgs/index.ts';
import { todayOf } from './facts.ts';
import { lastClosedPeriods } from './periods.ts';
import * as repo from './portfolio.repo.ts';
import { refreshScores } from './portfolio.service.ts';
import { takeSnapshot } from './snapshots.ts';

export const PORTFOLIO_JOB = 'portfolio.refresh';
export const REFRESH_EVERY_MS = 600_000;

const systemCtx = (deps: Deps, orgId: string): Ctx => ({
  db: deps.db,
  log: deps.log,
  clock: deps.clock,
  jobs: deps.jobs,
  config: deps.config,
  orgId,
  actor: { type: 'system', id: null, orgId, role: 'admin' },
});

/** One round over every organisation; returns how many scores and snapshots it wrote. */
export async function runPortfolioRound(
  deps: Deps,
): Promise<{ refreshed: number; snapshots: number }> {
  let refreshed = 0;
  let snapshots = 0;
  const now = deps.clock.now().getTime();
  for (const orgId of await listOrgIds(deps.db)) {
    const ctx = systemCtx(deps, orgId);
    const s = await repo.findSettings(deps.db, orgId);
    if (!s?.computed_at || Date.parse(s.computed_at) <= now - REFRESH_EVERY_MS) {
      await refreshScores(ctx);
      refreshed += 1;
    }
    const closed = lastClosedPeriods(await todayOf(ctx));
    for (const period of [closed.month, closed.quarter])
      if ((await takeSnapshot(ctx, period)).created) snapshots += 1;
  }
  return { refreshed, snapshots };
}

export function portfolioJobs(deps: Deps) {
  return [
    defineJob({
      name: PORTFOLIO_JOB,
      payload: z.object({}),
      handler: async (job) => {
        const done = await runPortfolioRound(deps);
        if (done.refreshed || done.snapshots) job.log.info(done, 'portfolio refreshed');
      },
    }),
  ];
}
