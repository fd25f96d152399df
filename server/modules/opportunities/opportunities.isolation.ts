import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type T = Parameters<IsolationFixtures[string]>[0];

async function clientOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/clients',
    payload: { name: 'ООО Гамма', segment: 'iso' },
  });
  return res.json().id as string;
}

async function opportunityOf(t: T, apiKey: string, clientId?: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: `/api/v1/clients/${clientId ?? (await clientOf(t, apiKey))}/opportunities`,
    payload: { product: 'Обслуживание', value: 1000, stage: 'offered' },
  });
  return res.json().id as string;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/clients/:id/opportunities': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { POST: { product: 'Чужое' } },
  }),
  '/api/v1/clients/:id/opportunities/suggested': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
  }),
  '/api/v1/opportunities/:id': async (t, a) => ({
    params: { id: await opportunityOf(t, a.apiKey) },
    bodies: { PATCH: { stage: 'lost' } },
  }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/clients/:id/opportunities': async (_t, _b, own) => ({
    url: `/api/v1/clients/${own.client}/opportunities`,
    body: { product: 'Своё' },
  }),
  // An offer of B's client (the one with B's seeded sale): won with B's own sale goes through.
  'PATCH /api/v1/opportunities/:id': async (t, b, own) => {
    const id = await opportunityOf(t, b.apiKey, own.client);
    return {
      url: `/api/v1/opportunities/${id}`,
      body: { stage: 'won' },
      readBack: `/api/v1/opportunities/${id}`,
    };
  },
};
