// Tenant-isolation fixtures of the economics exports (tests/tenant-isolation.test.ts): B asking
// for the transactions file of A's client gets 404, as for any of A's ids.
import { call } from '../../../tests/support/app.ts';
import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

let seq = 0;

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/economics/export/clients/:id/transactions': async (t, a) => {
    seq += 1;
    const res = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/transactions',
      payload: {
        externalId: `iso-export-${seq}-${Date.now()}`,
        client: { externalId: `iso-export-client-${seq}`, name: 'Покупатель' },
        kind: 'sale',
        date: '2026-11-20',
        amount: 700,
      },
    });
    return { params: { id: res.json().clientId as string } };
  },
};
