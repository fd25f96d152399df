import { call } from '../../../tests/support/app.ts';
import {
  type IdFieldFixtures,
  type IsolationFixtures,
  csvExportRows,
} from '../../../tests/support/isolation.ts';

async function caseOf(
  t: Parameters<IsolationFixtures[string]>[0],
  apiKey: string,
): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/cases',
    payload: { title: 'Проверка', type: 'request' },
  });
  return res.json().id;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/cases/:id': async (t, a) => ({
    params: { id: await caseOf(t, a.apiKey) },
    bodies: { PATCH: { status: 'in_progress', note: 'чужая заметка' } },
  }),
  '/api/v1/cases/:id/events': async (t, a) => ({ params: { id: await caseOf(t, a.apiKey) } }),
  '/api/v1/cases/:id/replies': async (t, a) => {
    const id = await caseOf(t, a.apiKey);
    return {
      params: { id },
      bodies: { POST: { text: 'чужой ответ' } },
    };
  },
  '/api/v1/cases/resolution-codes/:id': async (t, a) => {
    const res = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/cases/resolution-codes',
      payload: { nameRu: 'Свой код', nameEn: 'Own code' },
    });
    return { params: { id: res.json().id }, bodies: { PATCH: { nameRu: 'Взломано' } } };
  },
  '/api/v1/sla-policies/:id': async (t, a) => {
    const res = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/sla-policies',
      payload: { name: 'Стандарт', firstResponseMinutes: 60, resolutionMinutes: 480 },
    });
    return { params: { id: res.json().id }, bodies: { PATCH: { name: 'Взломано' } } };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/cases': async () => ({
    url: '/api/v1/cases',
    body: { title: 'Чужой id', type: 'request' },
  }),
  'GET /api/v1/cases': async () => ({ url: '/api/v1/cases' }),
  'GET /api/v1/cases/export': async () => ({
    url: '/api/v1/cases/export',
    itemsOfFile: csvExportRows,
  }),
  // Bulk ids themselves: bulk.test.ts (a foreign case in `ids` → 404, nothing written).
  'POST /api/v1/cases/bulk': async (_t, _b, own) => ({
    url: '/api/v1/cases/bulk',
    body: { action: 'assign', ids: [own.case] },
    readBack: `/api/v1/cases/${own.case}`,
  }),
  'PATCH /api/v1/cases/:id': async (_t, _b, own) => ({
    url: `/api/v1/cases/${own.case}`,
    body: { priority: 'high' },
    readBack: `/api/v1/cases/${own.case}`,
  }),
};
