import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

let seq = 0;

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/calls/:id': async (t, a) => {
    seq += 1;
    const payload = {
      externalId: `iso-${seq}-${Date.now()}`,
      startedAt: '2026-11-20T10:00:00Z',
      direction: 'in',
      answered: false,
      phone: '+7 912 000-00-00',
    };
    const res = await call(t.app, a.apiKey, { method: 'POST', url: '/api/v1/calls', payload });
    return { params: { id: res.json().id } };
  },
};
