// The matrix plugged into the modules that asked for it (issue 17): the care module's
// decision-maker reminders go to the high-attractiveness clients, and the opportunities module's
// "similar clients" are the other clients of the same cell. Both read the stored scores (refreshed
// by the worker); an organisation or a client the matrix has not placed yet falls back to the
// lower-priority choice (strategic fit and revenue; the segment). The cells' care playbooks add
// their due actions to the care inbox for the clients in each cell (playbooks.ts).
import { registerKeyAccounts, registerReminderSource } from '../care/index.ts';
import { registerPeerGroup } from '../opportunities/index.ts';
import { playbookReminders } from './playbooks.ts';
import * as repo from './portfolio.repo.ts';

export const PORTFOLIO_PRIORITY = 10;

export function plugPortfolioIn(): void {
  registerKeyAccounts({
    name: 'portfolio.high-attractiveness',
    priority: PORTFOLIO_PRIORITY,
    async select(s) {
      const ids = await repo.highAttractivenessIds(s.db, s.orgId);
      return ids ? new Set(ids) : null;
    },
  });
  // Each cell's playbook actions, due for the clients in the cell, join the care inbox.
  registerReminderSource({ name: 'portfolio.playbooks', remind: playbookReminders });
  registerPeerGroup({
    name: 'portfolio.cell',
    priority: PORTFOLIO_PRIORITY,
    async peersOf(s, client) {
      const cell = await repo.cellPeers(s.db, s.orgId, client.id);
      if (!cell) return null;
      return {
        kind: 'portfolio_cell',
        label: `${cell.cellA}/${cell.cellR}`,
        clientIds: cell.clientIds,
      };
    },
  });
}
