import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { Db } from '../../db/types.ts';

/** The text module's sweep writes these columns; the fixture sets them as it would. */
async function setTextAnalysis(
  db: Db,
  orgId: string,
  id: string,
  a: { language: string; sentimentLabel: 'negative'; sentimentScore: number; topics: string[] },
) {
  await db
    .updateTable('feedback')
    .set({
      language: a.language,
      sentiment_label: a.sentimentLabel,
      sentiment_score: a.sentimentScore,
      topics: JSON.stringify(a.topics),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

describe.each(testDialects())('feedback list filters on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('filters by channel, case, sentiment and topic, and pages newest first', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const post = async (payload: object) =>
      (await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload })).json();
    const a = await post({ channel: 'phone', text: 'Счёт пришёл с ошибкой' });
    const b = await post({
      channel: 'api',
      score: { type: 'nps', value: 2 },
      text: 'Доставка опоздала',
    });
    const c = await post({ channel: 'api', score: { type: 'nps', value: 10 } });
    await setTextAnalysis(t.deps.db, org.orgId, a.id, {
      language: 'ru',
      sentimentLabel: 'negative',
      sentimentScore: -0.6,
      topics: ['billing'],
    });
    await setTextAnalysis(t.deps.db, org.orgId, b.id, {
      language: 'ru',
      sentimentLabel: 'negative',
      sentimentScore: -0.8,
      topics: ['delivery', 'billing_x'],
    });
    const ids = async (qs: string) =>
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback?${qs}` }))
        .json()
        .items.map((f: { id: string }) => f.id);
    expect(await ids('channel=api')).toEqual([c.id, b.id]);
    expect(await ids('hasCase=true')).toEqual([b.id]);
    expect(await ids('sentiment=negative')).toEqual([b.id, a.id]);
    expect(await ids('topic=billing')).toEqual([a.id]);
    expect(await ids('topic=%25')).toEqual([]);
    const first = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback?limit=2' })
    ).json();
    expect(first.items.map((f: { id: string }) => f.id)).toEqual([c.id, b.id]);
    expect(await ids(`limit=2&cursor=${first.nextCursor}`)).toEqual([a.id]);
    const detail = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback/${a.id}` })
    ).json();
    expect(detail).toMatchObject({
      language: 'ru',
      sentiment: { label: 'negative', score: -0.6 },
      topics: ['billing'],
    });
  });
});
