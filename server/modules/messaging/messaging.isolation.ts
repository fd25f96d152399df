import { call } from '../../../tests/support/app.ts';
import type { IdFieldFixtures, IsolationFixtures } from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  '/api/v1/messages/:id': async (t, a) => {
    const fb = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Спасибо', contact: { email: `iso-${Date.now()}@example.ru` } },
    });
    const list = await call(t.app, a.apiKey, {
      method: 'GET',
      url: `/api/v1/messages?feedbackId=${fb.json().id}`,
    });
    return { params: { id: list.json().items[0].id } };
  },
  // Templates are addressed by kind and language, not by id: B's call acts on B's own template,
  // and A's template must read the same afterwards.
  '/api/v1/templates/:kind/:language': async (t, a) => {
    await call(t.app, a.apiKey, {
      method: 'PUT',
      url: '/api/v1/templates/ack/ru',
      payload: { subject: 'Свой {{ref}}', body: 'Текст {{statusUrl}}' },
    });
    return {
      params: { kind: 'ack', language: 'ru' },
      ownResource: { readBack: '/api/v1/templates' },
      bodies: { PUT: { subject: 'Чужой', body: 'Чужой текст' } },
    };
  },
};

export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/messages': async () => ({ url: '/api/v1/messages' }),
};
