// The reports module: the layered scorecard and the arbiter report rendered to bytes — PDF (A4,
// Cyrillic embedded) and XLSX. Pure functions of the API shapes (ScorecardOut, ArbiterOut): the
// services that compute those objects live in scorecard and arbiter; reports.routes.ts serves the
// files with the same query parameters as their JSON endpoints.
export { renderArbiterPdf } from './arbiter-pdf.ts';
export { renderArbiterXlsx } from './arbiter-xlsx.ts';
export type { ReportOptions } from './pdf-doc.ts';
export { renderScorecardPdf } from './scorecard-pdf.ts';
export { renderScorecardXlsx } from './scorecard-xlsx.ts';

import type { ModuleDef } from '../module.ts';
import { registerReportRoutes } from './reports.routes.ts';

export const reportsModule: ModuleDef = { name: 'reports', routes: registerReportRoutes };
