// The care module's public surface: important dates, reminders, special requirements, timeline.
import type { ModuleDef } from '../module.ts';
import { registerCasePageRoute } from './case-page.routes.ts';
import { registerCareRoutes } from './care.routes.ts';
import { careJobs, DIGEST_JOB } from './digest.ts';

export { activeRequirementsFor } from './care.service.ts';

export const careModule: ModuleDef = {
  name: 'care',
  routes: (app, deps) => {
    registerCareRoutes(app, deps);
    registerCasePageRoute(app, deps);
  },
  jobs: careJobs,
  // Hourly; the job itself sends each manager one digest per local day.
  schedules: [{ name: DIGEST_JOB, everyMs: 3_600_000 }],
};
