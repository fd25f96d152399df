import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

type TestApp = Parameters<IsolationFixtures[string]>[0];

async function surveyOf(t: TestApp, apiKey: string): Promise<string> {
  const res = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/surveys',
    payload: { name: 'Доставка', metric: 'nps' },
  });
  return res.json().id;
}

/** A contact of the given organisation, so the invite body is well-formed. */
async function contactOf(t: TestApp, apiKey: string): Promise<string> {
  const client = await call(t.app, apiKey, {
    method: 'POST',
    url: '/api/v1/clients',
    payload: { name: 'ООО Бета' },
  });
  const contact = await call(t.app, apiKey, {
    method: 'POST',
    url: `/api/v1/clients/${client.json().id}/contacts`,
    payload: { name: 'Пётр', email: 'petr@example.ru' },
  });
  return contact.json().id;
}

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/surveys/:id': async (t, a) => ({
    params: { id: await surveyOf(t, a.apiKey) },
    bodies: { PATCH: { name: 'Взломано', status: 'closed' } },
  }),
  '/api/v1/surveys/:id/invites': async (t, a) => {
    const id = await surveyOf(t, a.apiKey);
    // The contact belongs to A: were B's request to pass the survey check, it would still find no contact.
    return {
      params: { id },
      bodies: { POST: { contactIds: [await contactOf(t, a.apiKey)], send: true } },
    };
  },
  '/api/v1/surveys/:id/qr.svg': async (t, a) => ({ params: { id: await surveyOf(t, a.apiKey) } }),
};

export const idFieldFixtures: IdFieldFixtures = {
  'POST /api/v1/surveys/:id/invites': async (t, b) => {
    const id = await surveyOf(t, b.apiKey);
    return {
      url: `/api/v1/surveys/${id}/invites`,
      body: { send: true },
      readBack: `/api/v1/surveys/${id}/invites`,
    };
  },
};
