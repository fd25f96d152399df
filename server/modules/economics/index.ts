// The economics module's public surface (analytics layer): transactions, marketing spend, the
// profit formula and its levers, one client's economics, what satisfaction is worth, settings
// and the rollups behind them (issue 14, ADR 011).
import type { ModuleDef } from '../module.ts';
import { feedbackDeleted, feedbackRecorded } from '../feedback/index.ts';
import { registerImportTarget } from '../imports/index.ts';
import { registerEconomicsRoutes } from './economics.routes.ts';
import { registerTransactionsExport } from './transactions-export.routes.ts';
import { recordFeedbackActivity, removeFeedbackActivity } from './rollups.service.ts';
import { mergeStageMoney, moveClients } from './stage-rollup.service.ts';
import { clientDeleting, clientInUse, clientsRegrouped } from '../clients/index.ts';
import { transactionsTarget } from './transactions-import.ts';
import { rewriteStageKey, stageKeyUsed } from '../../db/stage-keys.ts';
import { stageDeleting, stageInUse, stagesMerged } from '../stages/index.ts';

export { listTransactions, getTransaction } from './economics.service.ts';
export { rebuildStageMoney } from './stage-rollup.service.ts';
export { transactionsTarget } from './transactions-import.ts';
export {
  clientRevenueIn,
  transactionsChangedIn,
  stageBuyersIn,
  stageEconomics,
  type StageMoney,
} from './stage-figures.ts';
export {
  listStageDocuments,
  listStageRetention,
  type StageDocument,
  type StageRetention,
} from './stage-records.ts';
export { presentTransaction } from './economics.routes.ts';
export { clientMoneyAsOf, type ClientMoney } from './portfolio-facts.ts';
export { monthsBefore } from './client-figures.ts';
export { productSpendIn, productsBoughtBy, type ProductSpend } from './product-spend.ts';
export { baseCurrencyOf } from './settings.service.ts';
export { economicsSummary } from './summary.service.ts';
export { splitRevenueChange, type LeverInputs, type LeverSplit } from './levers.ts';

// Sales files come through the imports pipeline; imports (a lower layer) cannot import economics.
registerImportTarget(transactionsTarget);
// Active clients need the months each client spoke in: kept with the feedback's own transaction.
feedbackRecorded.subscribe('economics.activity', (scope, e) =>
  recordFeedbackActivity(scope, e.records),
);
// Issue 19: a deleted record takes its month back; a client with transactions is not deleted.
feedbackDeleted.subscribe('economics.activity', (scope, e) =>
  removeFeedbackActivity(scope, e.records),
);
clientDeleting.subscribe('economics.transactions', async (s, e) => {
  const row = await s.db
    .selectFrom('transactions')
    .select('id')
    .where('org_id', '=', s.orgId)
    .where('client_id', '=', e.clientId)
    .limit(1)
    .executeTakeFirst();
  if (row) throw clientInUse('transactions');
});

// Stage keys on transactions follow a merge, and a stage still on one is not deleted (ADR 012).
stagesMerged.subscribe('economics.transactions', (s, e) =>
  rewriteStageKey(s.db, 'transactions', s.orgId, e),
);
// The stage-money rollup (ADR 014) follows: a merge after the keys above are rewritten, a client
// moved to another segment or manager.
stagesMerged.subscribe('economics.stage_money', mergeStageMoney);
clientsRegrouped.subscribe('economics.stage_money', moveClients);
stageDeleting.subscribe('economics.transactions', async (s, e) => {
  if (await stageKeyUsed(s.db, 'transactions', s.orgId, e.key)) throw stageInUse(e.key);
});

export const economicsModule: ModuleDef = {
  name: 'economics',
  routes: (app, deps) => {
    registerEconomicsRoutes(app, deps);
    registerTransactionsExport(app, deps);
  },
};
