import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type T = Parameters<IsolationFixtures[string]>[0];
async function clientOf(t: T, apiKey: string): Promise<string> {
  return (
    await call(t.app, apiKey, {
      method: 'POST',
      url: '/api/v1/clients',
      payload: { name: 'ООО Бета' },
    })
  ).json().id;
}
async function requirementOf(t: T, apiKey: string): Promise<string> {
  const clientId = await clientOf(t, apiKey);
  return (
    await call(t.app, apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/requirements`,
      payload: { category: 'delivery', text: 'Только до 12:00' },
    })
  ).json().id;
}
const date = { kind: 'birthday', date: '1980-05-05', recurring: true, title: 'ДР директора' };

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/clients/:id/dates': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { POST: date },
  }),
  '/api/v1/dates/:id': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const created = await call(t.app, a.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${clientId}/dates`,
      payload: date,
    });
    return { params: { id: created.json().id }, bodies: { PATCH: { title: 'Взломано' } } };
  },
  '/api/v1/clients/:id/requirements': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { POST: { category: 'other', text: 'Чужое' } },
  }),
  '/api/v1/requirements/:id': async (t, a) => ({
    params: { id: await requirementOf(t, a.apiKey) },
    bodies: { PATCH: { text: 'Взломано' } },
  }),
  '/api/v1/requirements/:id/versions': async (t, a) => ({
    params: { id: await requirementOf(t, a.apiKey) },
  }),
  '/api/v1/cases/:id/requirements': async (t, a) => {
    const clientId = await clientOf(t, a.apiKey);
    const created = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: { title: 'Жалоба', clientId },
    });
    return { params: { id: created.json().id } };
  },
  '/api/v1/clients/:id/notes': async (t, a) => ({
    params: { id: await clientOf(t, a.apiKey) },
    bodies: { POST: { text: 'Чужая заметка' } },
  }),
  '/api/v1/clients/:id/timeline': async (t, a) => ({ params: { id: await clientOf(t, a.apiKey) } }),
  '/api/v1/clients/:id/coverage': async (t, a) => ({ params: { id: await clientOf(t, a.apiKey) } }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/clients/:id/dates': async (_t, _b, own) => ({
    url: `/api/v1/clients/${own.client}/dates`,
    body: date,
  }),
  'PATCH /api/v1/dates/:id': async (t, b, own) => {
    const created = await call(t.app, b.apiKey, {
      method: 'POST',
      url: `/api/v1/clients/${own.client}/dates`,
      payload: date,
    });
    return {
      url: `/api/v1/dates/${created.json().id}`,
      body: { title: 'Другое' },
      readBack: `/api/v1/clients/${own.client}/dates`,
    };
  },
  'POST /api/v1/clients/:id/requirements': async (_t, _b, own) => ({
    url: `/api/v1/clients/${own.client}/requirements`,
    body: { category: 'other', text: 'Своё' },
  }),
  'PATCH /api/v1/requirements/:id': async (t, b) => {
    const id = await requirementOf(t, b.apiKey);
    return {
      url: `/api/v1/requirements/${id}`,
      body: { text: 'Другое' },
      readBack: `/api/v1/requirements/${id}/versions`,
    };
  },
};
