import { call } from '../../../tests/support/app.ts';
import {
  type IdFieldFixtures,
  type IsolationFixtures,
  csvExportRows,
} from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/feedback/:id': async (t, a) => {
    const res = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Всё отлично', score: { type: 'nps', value: 9 } },
    });
    return { params: { id: res.json().id } };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/feedback': async () => ({ url: '/api/v1/feedback', body: { text: 'Чужой id' } }),
  'GET /api/v1/feedback': async () => ({ url: '/api/v1/feedback' }),
  // The count of a filter: as many placeholder rows as it says, so 0 is an empty list.
  'GET /api/v1/feedback/count': async () => ({
    url: '/api/v1/feedback/count',
    itemsOf: (body: { count: number }) => Array.from({ length: body.count }, () => 'row'),
  }),
  'GET /api/v1/feedback/export': async () => ({
    url: '/api/v1/feedback/export',
    itemsOfFile: csvExportRows,
  }),
};
