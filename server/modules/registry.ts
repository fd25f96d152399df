// Every job definition, periodic schedule and sweep, for the worker: the platform's own plus each module's.
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { modules } from './index.ts';
import type { Schedule, Sweep } from './module.ts';
import { pruneExpiredSessions } from './orgs/index.ts';
import { pruneReadNotifications } from './notifications/index.ts';
import { defineJob, type JobDefinition } from '../jobs/queue.ts';
import { pruneFinishedJobs } from '../jobs/maintenance.ts';

export type { Schedule, Sweep };

export function allJobs(deps: Deps): JobDefinition[] {
  return [
    defineJob({
      name: 'system.maintenance',
      payload: z.object({}),
      handler: async (ctx) => {
        const now = deps.clock.now();
        const sessions = await pruneExpiredSessions(deps.db, now.toISOString());
        const jobs = await pruneFinishedJobs(
          deps.db,
          new Date(now.getTime() - 7 * 86_400_000).toISOString(),
        );
        const notifications = await pruneReadNotifications(deps.db, now);
        ctx.log.info({ sessions, jobs, notifications }, 'maintenance done');
      },
    }),
    ...modules.flatMap((m) => m.jobs?.(deps) ?? []),
  ];
}

export const schedules: Schedule[] = [
  { name: 'system.maintenance', everyMs: 3_600_000 },
  ...modules.flatMap((m) => m.schedules ?? []),
];

export function allSweeps(deps: Deps): Sweep[] {
  return modules.flatMap((m) => m.sweeps?.(deps) ?? []);
}
