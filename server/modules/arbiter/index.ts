// The arbiter module's public surface (analytics layer, issue 16): the report that ranks the
// journey stages by revenue at risk, its suggestion rules, and the worker's monthly refresh.
import type { ModuleDef } from '../module.ts';
import { registerArbiterRoutes } from './arbiter.routes.ts';
import { ARBITER_MONTHLY_JOB, arbiterJobs } from './monthly.ts';

export { getArbiter, refreshArbiter } from './arbiter.service.ts';
export { refreshClosedMonths } from './monthly.ts';

export const arbiterModule: ModuleDef = {
  name: 'arbiter',
  routes: registerArbiterRoutes,
  jobs: arbiterJobs,
  schedules: [{ name: ARBITER_MONTHLY_JOB, everyMs: 3_600_000 }],
};
