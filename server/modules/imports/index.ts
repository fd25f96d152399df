// The imports module's public surface: CSV and XLSX files of past feedback, imported all or nothing.
import type { ModuleDef } from '../module.ts';
import { registerImportRoutes } from './imports.routes.ts';

export const importsModule: ModuleDef = { name: 'imports', routes: registerImportRoutes };
