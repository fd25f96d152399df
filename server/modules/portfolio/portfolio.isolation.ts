// Tenant isolation fixtures of the portfolio (tests/tenant-isolation*.test.ts).
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';
import type { PortfolioOut } from '../../../shared/api/portfolio.ts';

export const isolationFixtures: IsolationFixtures = {
  // A cell is named by its levels, not an id: B's PUT sets B's own strategy of that cell, and A's
  // strategies read the same afterwards.
  '/api/v1/portfolio/strategies/:attractiveness/:relationship': async () => ({
    params: { attractiveness: 'high', relationship: 'low' },
    bodies: { PUT: { textRu: 'Взломано', textEn: 'Hacked' } },
    ownResource: { readBack: '/api/v1/portfolio/strategies' },
  }),
};

// managerId in the query: A's seeded client is managed by A's user, so A's own filter finds it;
// B naming A's user gets a 404.
export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/portfolio': async () => ({
    url: '/api/v1/portfolio',
    itemsOf: (body: Partial<PortfolioOut>) => body.clients ?? [],
  }),
};
