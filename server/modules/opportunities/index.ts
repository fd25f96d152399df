// The opportunities module's public surface (analytics layer, issue 17): upsell and cross-sell
// opportunities on the client card, suggestions from what similar clients buy, and the default
// choice of the clients worth growing (key-accounts.ts) for care's decision-maker reminders.
import type { ModuleDef } from '../module.ts';
import { registerKeyAccounts } from '../care/index.ts';
import { registerOpportunityRoutes } from './opportunities.routes.ts';
import { topClients } from './key-accounts.ts';

export { registerPeerGroup, type PeerGroup, type PeerGroupSource } from './peer-group.ts';
export { topClients } from './key-accounts.ts';

// The portfolio module replaces this with its high-attractiveness cells (a higher priority).
registerKeyAccounts({ name: 'opportunities.top-clients', priority: 0, select: topClients });

export const opportunitiesModule: ModuleDef = {
  name: 'opportunities',
  routes: registerOpportunityRoutes,
};
