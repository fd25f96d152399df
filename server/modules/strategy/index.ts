// The strategy module's public surface (analytics layer, top; issue 18, SPEC C12): the strategy
// map — goals in four perspectives, cause → effect arrows, KPIs bound to live metrics of the
// modules below (bindings.ts) or entered by hand, and the initiatives / training items under each
// goal (item-sources.ts). Nothing imports it.
import type { ModuleDef } from '../module.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';
import { mergeBindingStages, stageBound } from './stage-bindings.ts';
import { registerStrategyExport } from './strategy-export.routes.ts';
import { registerStrategyRoutes } from './strategy.routes.ts';

// A binding's stage follows a merge, and keeps the stage from being deleted (ADR 012).
stagesMerged.subscribe('strategy.kpis', mergeBindingStages);
stageDeleting.subscribe('strategy.kpis', async (s, e) => {
  if (await stageBound(s, e.key)) throw stageInUse(e.key);
});

export const strategyModule: ModuleDef = {
  name: 'strategy',
  routes: (app, deps) => {
    registerStrategyRoutes(app, deps);
    registerStrategyExport(app, deps);
  },
};
