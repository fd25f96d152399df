import { call } from '../../../tests/support/app.ts';
import {
  type IdFieldFixtures,
  type IsolationFixtures,
  csvExportRows,
} from '../../../tests/support/isolation.ts';

async function clientOf(
  t: Parameters<IsolationFixtures[string]>[0],
  apiKey: string,
): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/clients',
    payload: { name: 'ООО Альфа', segment: 'A' },
  });
  return res.json().id;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/clients/:id': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { PATCH: { name: 'Взломано' } },
  }),
  '/api/v1/clients/:id/contacts': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { POST: { name: 'Чужой', email: 'intruder@example.com' } },
  }),
  '/api/v1/contacts/:id': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const contact = await call(t.app, a.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/contacts`,
      payload: { name: 'Иван', email: 'ivan@alpha.ru' },
    });
    return { params: { id: contact.json().id }, bodies: { PATCH: { name: 'Взломано' } } };
  },
  // Issue 19: B can neither export nor erase A's contact (DELETE /contacts/:id and
  // /clients/:id use the fixtures above, read back through their GET).
  '/api/v1/contacts/:id/export': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const contact = await call(t.app, a.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/contacts`,
      payload: { name: 'Нина', email: 'nina@alpha.ru' },
    });
    return { params: { id: contact.json().id } };
  },
  '/api/v1/contacts/:id/erase': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const contact = await call(t.app, a.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/contacts`,
      payload: { name: 'Олег', email: 'oleg@alpha.ru' },
    });
    return { params: { id: contact.json().id } };
  },
  '/api/v1/contacts/:id/resubscribe': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const contact = await call(t.app, a.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/contacts`,
      payload: { name: 'Пётр', email: 'petr@alpha.ru' },
    });
    return { params: { id: contact.json().id } };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  // Bulk roles: one of A's contacts (or an unknown id) → 404 and no contact of B changes either.
  'POST /api/v1/contacts/roles': async (_t, _b, own) => ({
    url: '/api/v1/contacts/roles',
    body: { add: ['decision_maker'] },
    readBack: `/api/v1/contacts/${own.contact}`,
  }),
  'POST /api/v1/clients': async () => ({ url: '/api/v1/clients', body: { name: 'ООО Бета' } }),
  'GET /api/v1/clients': async () => ({ url: '/api/v1/clients' }),
  'GET /api/v1/clients/export': async () => ({
    url: '/api/v1/clients/export',
    itemsOfFile: csvExportRows,
  }),
  'PATCH /api/v1/clients/:id': async (_t, _b, own) => ({
    url: `/api/v1/clients/${own.client}`,
    body: { segment: 'B' },
    readBack: `/api/v1/clients/${own.client}`,
  }),
};
