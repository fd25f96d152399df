// The employees module's public surface: the people who run each journey stage (core, ADR 012).
// Loop modules match calls and meetings to employees through the lookups.
import type { ModuleDef } from '../module.ts';
import { registerEmployeeRoutes } from './employees.routes.ts';

export {
  findEmployeeOf,
  matchEmployeesByText,
  findEmployeesByImportKeys,
  insertEmployeeRecords,
  managerLinksOf,
  patchEmployeeRecord,
} from './employees.lookups.ts';
export { newEmployeeRow, patchedColumns } from './employees.service.ts';
export { activeEmployeesOf, orgsWithHiresBetween, type RosterRow } from './roster.lookups.ts';

export const employeesModule: ModuleDef = { name: 'employees', routes: registerEmployeeRoutes };
