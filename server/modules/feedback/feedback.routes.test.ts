// The intake routes answer with plain JSON.stringify, without the zod encode other routes run:
// their answers must still match the published schemas exactly (no field more, none missing),
// and equal what the zod-serialised read route says about the same record.
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../../shared/api/feedback.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('intake answers on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('match the strict schemas, for a bare record and one naming client, contact, score and stage', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const payloads = [
      { text: 'Спасибо' },
      {
        channel: 'phone',
        client: { name: 'ООО Ромашка' },
        contact: { email: 'anna@example.ru', name: 'Анна' },
        score: { type: 'nps', value: 3 },
        stage: 'delivery',
        text: 'Курьер опоздал на два часа',
        sourceId: 'crm-17',
        receivedAt: '2026-11-20T09:30:00.000Z',
      },
    ];
    for (const payload of payloads) {
      const created = await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload,
      });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(api.feedbackOut.strict().safeParse(body).error).toBeUndefined();
      const read = await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/feedback/${body.id}`,
      });
      expect(read.json()).toEqual(body);
    }
    const batch = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items: [{ text: 'Хорошо' }, { score: { type: 'nps', value: 11 } }] },
    });
    expect(batch.statusCode).toBe(200);
    expect(api.batchOut.strict().safeParse(batch.json()).error).toBeUndefined();
    expect(batch.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'error',
    ]);
  });
});
