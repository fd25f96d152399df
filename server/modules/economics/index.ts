// The economics module's public surface (analytics layer): transactions today; the profit
// formula, its levers and what satisfaction is worth come in later slices of issue 14.
import type { ModuleDef } from '../module.ts';
import { feedbackRecorded } from '../feedback/index.ts';
import { registerEconomicsRoutes } from './economics.routes.ts';
import { recordFeedbackActivity } from './rollups.service.ts';

export { listTransactions, getTransaction } from './economics.service.ts';
export { presentTransaction } from './economics.routes.ts';
export { splitRevenueChange, type LeverInputs, type LeverSplit } from './levers.ts';

// Active clients need the months each client spoke in: kept with the feedback's own transaction.
feedbackRecorded.subscribe('economics.activity', (scope, e) =>
  recordFeedbackActivity(scope, e.records),
);

export const economicsModule: ModuleDef = { name: 'economics', routes: registerEconomicsRoutes };
