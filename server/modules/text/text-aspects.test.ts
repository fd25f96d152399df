// Issue 22 on a real database: a text praising staff and complaining about delivery gets staff
// positive and delivery negative (ru and en), shown on the record's analysis and counted so in the
// topic chart; an NPS that disagrees with its text is flagged on the record and counted.
import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';

async function post(t: TestApp, org: TestOrg, payload: object) {
  const res = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

const analysis = async (t: TestApp, org: TestOrg, id: string) => {
  const res = await call(t.app, org.apiKey, {
    method: 'GET',
    url: `/api/v1/feedback/${id}/analysis`,
  });
  expect(res.statusCode).toBe(200);
  return res.json();
};

const AT = '2026-03-05T10:00:00Z';

describe.each(testDialects())('aspect sentiment and score/text disagreement on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('gives staff positive and delivery negative in one mixed text, ru and en, and counts them so', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const ru = await post(t, org, {
      text: 'Менеджер очень вежливый и всё объяснил, но доставка задержалась на неделю',
      receivedAt: AT,
    });
    const en = await post(t, org, {
      text: 'The manager was really helpful, but the delivery was a week late',
      receivedAt: AT,
    });
    await testWorker(t.deps).drain();
    for (const id of [ru.id, en.id])
      expect(await analysis(t, org, id)).toMatchObject({
        sentiment: { label: 'negative' },
        topics: ['delivery', 'staff'],
        topicSentiments: { delivery: 'negative', staff: 'positive' },
        disagreement: null,
      });
    // Hand count: 2 records, each with delivery negative and staff positive. Counting by the
    // record's own (negative) sentiment would have said staff 2 negative.
    const trends = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/text/trends?from=2026-01-01',
    });
    expect(trends.json().topics).toEqual([
      { key: 'delivery', count: 2, negative: 2, positive: 0 },
      { key: 'staff', count: 2, negative: 0, positive: 2 },
    ]);
  });

  it('keeps the surviving topics’ aspects when a person corrects the topics', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const r = await post(t, org, {
      text: 'Менеджер очень вежливый и всё объяснил, но доставка задержалась на неделю',
    });
    await testWorker(t.deps).drain();
    const res = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/feedback/${r.id}/analysis`,
      payload: { topics: ['staff', 'price'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().topicSentiments).toEqual({ staff: 'positive', price: 'negative' });
    expect((await analysis(t, org, r.id)).topicSentiments).toEqual({
      staff: 'positive',
      price: 'negative',
    });
  });

  it('flags an NPS that disagrees with its text on the record and counts it on the dashboard', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const other = await createTestOrg(t.deps, 'Other');
    const high = await post(t, org, {
      text: 'Ужасное обслуживание, курьер нахамил',
      score: { type: 'nps', value: 9 },
      receivedAt: AT,
    });
    const low = await post(t, org, {
      text: 'Всё отлично, спасибо большое!',
      score: { type: 'nps', value: 3 },
      receivedAt: AT,
    });
    const agree = await post(t, org, {
      text: 'Всё отлично, спасибо большое!',
      score: { type: 'nps', value: 10 },
      receivedAt: AT,
    });
    await post(t, other, {
      text: 'Ужасное обслуживание',
      score: { type: 'nps', value: 10 },
      receivedAt: AT,
    });
    await testWorker(t.deps).drain();
    expect((await analysis(t, org, high.id)).disagreement).toBe('high_score_negative_text');
    expect((await analysis(t, org, low.id)).disagreement).toBe('low_score_positive_text');
    expect((await analysis(t, org, agree.id)).disagreement).toBeNull();
    // Hand count for org: one of each kind; the other organisation's record is not counted.
    const trends = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/text/trends?from=2026-01-01',
    });
    expect(trends.json().disagreements).toEqual({
      highScoreNegativeText: 1,
      lowScorePositiveText: 1,
    });
    const foreign = await call(t.app, org.apiKey, {
      method: 'GET',
      url: `/api/v1/feedback/${high.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/analysis`,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
