// The portfolio module's public surface (analytics layer, issue 17): the 3×3 matrix of clients by
// attractiveness and relationship, its weights and strategies, period snapshots and moves.
import type { ModuleDef } from '../module.ts';
import { plugPortfolioIn } from './plug-ins.ts';
import { registerPortfolioRoutes } from './portfolio.routes.ts';
import { PORTFOLIO_JOB, REFRESH_EVERY_MS, portfolioJobs } from './schedule.ts';

export { getPortfolio, refreshScores } from './portfolio.service.ts';
export { getMoves, takeSnapshot } from './snapshots.ts';
export { runPortfolioRound } from './schedule.ts';

// Key accounts for the care reminders and peers for the opportunity suggestions come from the matrix.
plugPortfolioIn();

export const portfolioModule: ModuleDef = {
  name: 'portfolio',
  routes: registerPortfolioRoutes,
  jobs: portfolioJobs,
  schedules: [{ name: PORTFOLIO_JOB, everyMs: REFRESH_EVERY_MS }],
};
