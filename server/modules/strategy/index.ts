// The strategy module's public surface (analytics layer, top; issue 18, SPEC C12): the strategy
// map — goals in four perspectives, cause → effect arrows, KPIs bound to live metrics of the
// modules below (bindings.ts) or entered by hand, and the initiatives / training items under each
// goal (item-sources.ts). Nothing imports it.
import type { ModuleDef } from '../module.ts';
import { registerStrategyExport } from './strategy-export.routes.ts';
import { registerStrategyRoutes } from './strategy.routes.ts';

export const strategyModule: ModuleDef = {
  name: 'strategy',
  routes: (app, deps) => {
    registerStrategyRoutes(app, deps);
    registerStrategyExport(app, deps);
  },
};
