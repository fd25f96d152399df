// The imports module's public surface: CSV and XLSX files imported all or nothing into a target
// (feedback, clients with contacts, employees, or what a higher module registers: economics'
// transactions).
import type { ModuleDef } from '../module.ts';
import { clientsTarget } from './clients-target.ts';
import { employeesTarget } from './employees-target.ts';
import { feedbackTarget } from './feedback-target.ts';
import { registerImportRoutes } from './imports.routes.ts';
import { registerImportTarget } from './targets.ts';

export {
  convertEachRow,
  registerImportTarget,
  type Cell,
  type CommitOptions,
  type ConvertedRow,
  type ConvertOptions,
  type Fail,
  type ImportTarget,
  type TargetOutcome,
} from './targets.ts';

registerImportTarget(feedbackTarget);
registerImportTarget(clientsTarget);
registerImportTarget(employeesTarget);

export const importsModule: ModuleDef = { name: 'imports', routes: registerImportRoutes };
