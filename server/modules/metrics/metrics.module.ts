import type { ModuleDef } from '../module.ts';
import { registerMetricsRoutes } from './metrics.routes.ts';

export const metricsModule: ModuleDef = {
  name: 'metrics',
  routes: registerMetricsRoutes,
};
