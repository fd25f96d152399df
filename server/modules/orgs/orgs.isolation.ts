import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/users/:id': async (t, a) => {
    const user = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: `iso-${Date.now()}-${Math.random()}@example.com`,
        name: 'alpha',
        password: 'long-enough-1',
        role: 'manager',
      },
    });
    return {
      params: { id: user.json().id },
      bodies: { PATCH: { name: 'Взломщик', role: 'viewer' } },
    };
  },
  '/api/v1/api-keys/:id': async (t, a) => {
    const key = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'alpha key', role: 'viewer' },
    });
    return { params: { id: key.json().id } };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'PATCH /api/v1/org': async () => ({ url: '/api/v1/org', body: {}, readBack: '/api/v1/org' }),
};
