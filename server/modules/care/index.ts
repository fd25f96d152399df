// The care module's public surface: important dates, reminders, special requirements, timeline.
import type { ModuleDef } from '../module.ts';
import { registerCasePageRoute } from './case-page.routes.ts';
import { registerCareRoutes } from './care.routes.ts';
import { registerTodayRoutes } from './today.routes.ts';
import { registerCoverageRoutes } from './coverage.routes.ts';
import { careJobs, DIGEST_JOB } from './digest.ts';
import { contactErasing, contactExporting } from '../clients/index.ts';
import { eraseDates, exportDates } from './privacy.ts';

// Data-subject rights (issue 19): a contact's important dates in its export, deleted on erasure.
contactExporting.subscribe('care.important_dates', exportDates);
contactErasing.subscribe('care.important_dates', eraseDates);
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';

export { activeRequirementsFor } from './care.service.ts';
export {
  registerKeyAccounts,
  selectKeyAccounts,
  unregisterKeyAccounts,
  type KeyAccountScope,
  type KeyAccountSelector,
} from './key-accounts.ts';
export {
  registerReminderSource,
  unregisterReminderSource,
  type ReminderSource,
  type ReminderSourceScope,
} from './reminder-sources.ts';
export { coverageOfClients } from './coverage.service.ts';
export type { ClientCoverage, RoleCoverage } from './coverage.ts';

// Stage keys on requirements follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('care.requirements', (s, e) =>
  rewriteStageKey(s.db, 'requirements', s.orgId, e),
);
stageDeleting.subscribe('care.requirements', async (s, e) => {
  if (await stageKeyUsed(s.db, 'requirements', s.orgId, e.key)) throw stageInUse(e.key);
});

export const careModule: ModuleDef = {
  name: 'care',
  routes: (app, deps) => {
    registerCareRoutes(app, deps);
    registerCasePageRoute(app, deps);
    registerTodayRoutes(app, deps);
    registerCoverageRoutes(app, deps);
  },
  jobs: careJobs,
  // Hourly; the job itself sends each manager one digest per local day.
  schedules: [{ name: DIGEST_JOB, everyMs: 3_600_000 }],
};
