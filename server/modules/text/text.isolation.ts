import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/feedback/:id/analysis': async (t, a) => {
    const res = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Курьер опоздал на два часа' },
    });
    return { params: { id: res.json().id }, bodies: { PATCH: { sentiment: 'positive' } } };
  },
};
