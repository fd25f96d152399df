// The employees module's public surface: the people who run each journey stage (core, ADR 012).
// Loop modules match calls and meetings to employees through the lookups.
import type { ModuleDef } from '../module.ts';
import { registerEmployeeRoutes } from './employees.routes.ts';
import { registerEmployeesExport } from './employees-export.routes.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';

// An employee's team follows a merge of stages, and a stage someone works in is not deleted.
stagesMerged.subscribe('employees.employees', (s, e) =>
  rewriteStageKey(s.db, 'employees', s.orgId, e),
);
stageDeleting.subscribe('employees.employees', async (s, e) => {
  if (await stageKeyUsed(s.db, 'employees', s.orgId, e.key)) throw stageInUse(e.key);
});

export {
  findEmployeeOf,
  matchEmployeesByText,
  findEmployeesByImportKeys,
  insertEmployeeRecords,
  managerLinksOf,
  patchEmployeeRecord,
} from './employees.lookups.ts';
export { newEmployeeRow, patchedColumns } from './employees.service.ts';
export {
  activeEmployeesOf,
  orgsWithHiresBetween,
  teamOf,
  type RosterRow,
  type TeamRow,
} from './roster.lookups.ts';
export { employeeCreated, type EmployeeCreated } from './employee-events.ts';

export const employeesModule: ModuleDef = {
  name: 'employees',
  routes: (app, deps) => {
    registerEmployeeRoutes(app, deps);
    registerEmployeesExport(app, deps);
  },
};
