import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

let made = 0;
async function stageOf(t: Parameters<IsolationFixtures[string]>[0], apiKey: string) {
  made += 1;
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/stages',
    payload: { key: `этап-${made}-${Date.now()}` },
  });
  return res.json().id as string;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/stages/:id': async (t, a) => ({
    params: { id: await stageOf(t, a.apiKey) },
    bodies: { PATCH: { nameRu: 'Взломано' } },
  }),
  '/api/v1/stages/:id/targets': async (t, a) => ({
    params: { id: await stageOf(t, a.apiKey) },
    bodies: { PUT: { targets: [{ metric: 'nps', target: 1, direction: 'up' }] } },
  }),
  '/api/v1/stages/:id/merge': async (t, a) => ({
    params: { id: await stageOf(t, a.apiKey) },
    bodies: { POST: { intoId: await stageOf(t, a.apiKey) } },
  }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/stages': async () => ({
    url: '/api/v1/stages',
    body: { key: `чужой-${(made += 1)}-${Date.now()}` },
  }),
  'PATCH /api/v1/stages/:id': async (_t, _b, own) => ({
    url: `/api/v1/stages/${own.stage}`,
    body: { nameEn: 'Changed' },
    readBack: `/api/v1/stages/${own.stage}`,
  }),
  // Each call merges a fresh stage of B's (the control merges it into B's own stage).
  'POST /api/v1/stages/:id/merge': async (t, b) => {
    const id = await stageOf(t, b.apiKey);
    return { url: `/api/v1/stages/${id}/merge`, body: {}, readBack: `/api/v1/stages/${id}` };
  },
};
