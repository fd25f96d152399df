import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type T = Parameters<IsolationFixtures[string]>[0];

async function goalOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/strategy/goals',
    payload: { perspective: 'clients', title: 'Лояльность' },
  });
  return res.json().id as string;
}

async function kpiOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: `/api/v1/strategy/goals/${await goalOf(t, apiKey)}/kpis`,
    payload: { name: 'Доля обученных', direction: 'up' },
  });
  const id = res.json().id as string;
  await call(t.app, apiKey, {
    method: 'PUT',
    url: `/api/v1/strategy/kpis/${id}/values`,
    payload: { onDate: '2026-11-01', value: 40 },
  });
  return id;
}

const ITEM = '01a206ea-dd6a-7001-8c1b-5f588a061bc9';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/strategy/goals/:id': async (t, a) => ({
    params: { id: await goalOf(t, a.apiKey) },
    bodies: { PATCH: { title: 'Чужое' } },
  }),
  '/api/v1/strategy/goals/:id/effects/:effectId': async (t, a) => {
    const [id, effectId] = [await goalOf(t, a.apiKey), await goalOf(t, a.apiKey)];
    await call(t.app, a.apiKey, {
      method: 'PUT',
      url: `/api/v1/strategy/goals/${id}/effects/${effectId}`,
    });
    return { params: { id, effectId } };
  },
  '/api/v1/strategy/goals/:id/items/:kind/:itemId': async (t, a) => {
    const id = await goalOf(t, a.apiKey);
    const item = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/initiatives',
      payload: { title: 'Курьеры с терминалами' },
    });
    const itemId = (item.json().id as string | undefined) ?? ITEM;
    await call(t.app, a.apiKey, {
      method: 'PUT',
      url: `/api/v1/strategy/goals/${id}/items/initiative/${itemId}`,
    });
    return { params: { id, kind: 'initiative', itemId } };
  },
  '/api/v1/strategy/goals/:id/kpis': async (t, a) => ({
    params: { id: await goalOf(t, a.apiKey) },
    bodies: { POST: { name: 'Чужое', direction: 'up' } },
  }),
  '/api/v1/strategy/kpis/:id': async (t, a) => ({
    params: { id: await kpiOf(t, a.apiKey) },
    bodies: { PATCH: { name: 'Чужое' } },
  }),
  '/api/v1/strategy/kpis/:id/values': async (t, a) => ({
    params: { id: await kpiOf(t, a.apiKey) },
    bodies: { PUT: { onDate: '2026-11-01', value: 99 } },
  }),
  '/api/v1/strategy/kpis/:id/values/:date': async (t, a) => ({
    params: { id: await kpiOf(t, a.apiKey), date: '2026-11-01' },
  }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/strategy/goals': async () => ({
    url: '/api/v1/strategy/goals',
    body: { perspective: 'financial', title: 'Своё' },
  }),
  'PATCH /api/v1/strategy/goals/:id': async (t, b) => {
    const id = await goalOf(t, b.apiKey);
    return {
      url: `/api/v1/strategy/goals/${id}`,
      body: {},
      readBack: `/api/v1/strategy/goals/${id}`,
    };
  },
};
