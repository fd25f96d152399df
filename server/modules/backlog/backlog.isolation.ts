import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type T = Parameters<IsolationFixtures[string]>[0];

async function initiativeOf(t: T, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/initiatives',
    payload: { title: 'Инициатива', value: 7, effort: 3 },
  });
  return res.json().id as string;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/initiatives/:id': async (t, a) => ({
    params: { id: await initiativeOf(t, a.apiKey) },
    bodies: { PATCH: { status: 'planned' } },
  }),
  '/api/v1/initiatives/:id/feedback': async (t, a) => {
    const feedback = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Своё' },
    });
    return {
      params: { id: await initiativeOf(t, a.apiKey) },
      bodies: { POST: { feedbackIds: [feedback.json().id] } },
    };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/initiatives': async () => ({
    url: '/api/v1/initiatives',
    body: { title: 'Своя' },
  }),
  'PATCH /api/v1/initiatives/:id': async (t, b) => {
    const id = await initiativeOf(t, b.apiKey);
    return {
      url: `/api/v1/initiatives/${id}`,
      body: { title: 'Своя' },
      readBack: `/api/v1/initiatives/${id}`,
    };
  },
  'POST /api/v1/initiatives/:id/feedback': async (t, b) => ({
    url: `/api/v1/initiatives/${await initiativeOf(t, b.apiKey)}/feedback`,
    body: {},
  }),
};
