// The scorecard module's public surface (analytics layer, issue 15): process KPIs and the
// operational layer per stage and period (GET /api/v1/scorecard/operations).
import type { ModuleDef } from '../module.ts';
import { registerImportTarget } from '../imports/index.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { kpisTarget } from './kpis-import.ts';
import { mergeStageKpiValues, stageHasKpiValues } from './kpis.service.ts';
import { registerScorecardRoutes } from './scorecard.routes.ts';
import { registerRecordsExport } from './records-export.routes.ts';

export { getOperationsScorecard } from './operations.service.ts';
export { getScorecard, loadLayerSources, stageLayers } from './layers.service.ts';
export { keyDrivers } from './drivers.ts';
export { monthsBack } from './drivers.service.ts';
export { periodsOf } from './periods.ts';
export { targetStatus } from './status.ts';

// KPI files come through the imports pipeline; imports (a lower layer) cannot import scorecard.
registerImportTarget(kpisTarget);

// KPI values name stages by key: they follow a merge, and keep a stage from being deleted.
stagesMerged.subscribe('scorecard.kpi_values', mergeStageKpiValues);
stageDeleting.subscribe('scorecard.kpi_values', async (s, e) => {
  if (await stageHasKpiValues(s, e.key)) throw stageInUse(e.key);
});

export const scorecardModule: ModuleDef = {
  name: 'scorecard',
  routes: (app, deps) => {
    registerScorecardRoutes(app, deps);
    registerRecordsExport(app, deps);
  },
};
