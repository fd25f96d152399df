// Tenant isolation fixtures of the portfolio (tests/tenant-isolation*.test.ts).
import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';
import type { PortfolioOut } from '../../../shared/api/portfolio.ts';

type T = Parameters<IsolationFixtures[string]>[0];

async function clientOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/clients',
    payload: { name: 'ООО Ячейка' },
  });
  return res.json().id as string;
}

/** An action of A's playbook of the low/low cell. */
async function actionOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'PUT',
    url: '/api/v1/portfolio/playbooks/low/low',
    payload: { actions: [{ titleRu: 'Звонок', titleEn: 'Call', everyDays: 30 }] },
  });
  return res.json().actions[0].id as string;
}

export const isolationFixtures: IsolationFixtures = {
  // A cell is named by its levels, not an id: B's PUT sets B's own strategy of that cell, and A's
  // strategies read the same afterwards.
  '/api/v1/portfolio/strategies/:attractiveness/:relationship': async () => ({
    params: { attractiveness: 'high', relationship: 'low' },
    bodies: { PUT: { textRu: 'Взломано', textEn: 'Hacked' } },
    ownResource: { readBack: '/api/v1/portfolio/strategies' },
  }),
  // The same for playbooks: B's PUT replaces B's own playbook of the cell.
  '/api/v1/portfolio/playbooks/:attractiveness/:relationship': async () => ({
    params: { attractiveness: 'high', relationship: 'low' },
    bodies: { PUT: { actions: [{ titleRu: 'Взломано', titleEn: 'Hacked', everyDays: 1 }] } },
    ownResource: { readBack: '/api/v1/portfolio/playbooks' },
  }),
  '/api/v1/portfolio/clients/:clientId/playbook': async (t, a) => ({
    params: { clientId: await clientOf(t, a.apiKey) },
  }),
  '/api/v1/portfolio/clients/:clientId/playbook/:actionId/done': async (t, a) => ({
    params: { clientId: await clientOf(t, a.apiKey), actionId: await actionOf(t, a.apiKey) },
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
