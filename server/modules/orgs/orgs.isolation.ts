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
  '/api/v1/users/:id/2fa/reset': async (t, a) => {
    const user = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: `iso-2fa-${Date.now()}-${Math.random()}@example.com`,
        name: 'alpha',
        password: 'long-enough-1',
        role: 'viewer',
      },
    });
    return { params: { id: user.json().id } };
  },
  // Sessions are a signed-in person's own and no API key reaches them (403 insufficient_scope);
  // that another person (of any organisation) gets 404 for a session id is in
  // orgs-session-list.test.ts. Here: B's call changes nothing A can read.
  '/api/v1/me/sessions/:id': async () => ({
    params: { id: '00000000-0000-4000-8000-000000000001' },
    ownResource: { readBack: '/api/v1/audit?action=session.revoked' },
  }),
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
