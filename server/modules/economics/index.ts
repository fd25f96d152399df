// The economics module's public surface (analytics layer): transactions today; the profit
// formula, its levers and what satisfaction is worth come in later slices of issue 14.
import type { ModuleDef } from '../module.ts';
import { registerImportTarget } from '../imports/index.ts';
import { registerEconomicsRoutes } from './economics.routes.ts';
import { transactionsTarget } from './transactions-import.ts';

export { listTransactions, getTransaction } from './economics.service.ts';
export { transactionsTarget } from './transactions-import.ts';

// Sales files come through the imports pipeline; imports (a lower layer) cannot import economics.
registerImportTarget(transactionsTarget);
export { presentTransaction } from './economics.routes.ts';
export { splitRevenueChange, type LeverInputs, type LeverSplit } from './levers.ts';

export const economicsModule: ModuleDef = { name: 'economics', routes: registerEconomicsRoutes };
