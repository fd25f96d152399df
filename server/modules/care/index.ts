// The care module's public surface: important dates, reminders, special requirements, timeline.
import type { ModuleDef } from '../module.ts';
import { registerCareRoutes } from './care.routes.ts';
import { careJobs, DIGEST_JOB } from './digest.ts';

export { activeRequirementsFor } from './care.service.ts';
export { caseRequirementsOut, presentRequirement, requirementsOnCase } from './care.routes.ts';

export const careModule: ModuleDef = {
  name: 'care',
  routes: registerCareRoutes,
  jobs: careJobs,
  // Hourly; the job itself sends each manager one digest per local day.
  schedules: [{ name: DIGEST_JOB, everyMs: 3_600_000 }],
};
