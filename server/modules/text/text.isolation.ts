import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';
import { testWorker } from '../../../tests/support/worker.ts';

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

/**
 * The text trends' client and manager filters (the dashboard's): A's own filter counts A's seeded
 * text in a month; B naming A's client or manager gets a 404.
 */
export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/text/trends': async (t) => {
    // The worker analyses the seeded texts (both organisations'); trends count analysed records.
    await testWorker(t.deps).drain();
    return {
      url: '/api/v1/text/trends?from=2000-01-01',
      itemsOf: (body: { months?: unknown[] }) => body.months ?? [],
    };
  },
};
