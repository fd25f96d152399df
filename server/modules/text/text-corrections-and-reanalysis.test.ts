// Text analytics: corrections of sentiment and topics and how they survive re-analysis, each
// organisation's topics, and re-analysis of a period.
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
import { runReanalyseBatch } from './text.service.ts';

async function post(t: TestApp, org: TestOrg, payload: object) {
  const res = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

const analysedAt = async (t: TestApp, id: string) =>
  (
    await t.deps.db
      .selectFrom('feedback')
      .select('analysed_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).analysed_at ?? null;

const detail = async (t: TestApp, org: TestOrg, id: string) =>
  (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback/${id}` })).json();

describe.each(testDialects())('text analytics on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('keeps a correction made before the first sweep', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Доставка задержалась на два дня' });
    const patched = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/feedback/${rec.id}/analysis`,
      payload: { sentiment: 'positive', topics: ['price'] },
    });
    expect(patched.statusCode).toBe(200);
    await testWorker(t.deps).drain();
    expect(await detail(t, org, rec.id)).toMatchObject({
      language: 'ru',
      sentiment: { label: 'positive', score: 1 },
      topics: ['price'],
    });
    expect(await analysedAt(t, rec.id)).toEqual(expect.any(String));
  });

  it('keeps a correction through re-analysis and lists by the corrected values', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Доставка задержалась на два дня' });
    await testWorker(t.deps).drain();
    const patched = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/feedback/${rec.id}/analysis`,
      payload: { sentiment: 'neutral', topics: ['delivery', 'communication'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      sentiment: { label: 'neutral', score: 0 },
      topics: ['delivery', 'communication'],
      corrected: { sentiment: 'neutral' },
    });
    const re = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/text/reanalyse',
      payload: {},
    });
    expect(re.statusCode).toBe(202);
    expect(re.json()).toEqual({ queued: 1 });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, rec.id)).toMatchObject({
      sentiment: { label: 'neutral' },
      topics: ['delivery', 'communication'],
    });
    // A later topics-only correction keeps the earlier sentiment correction.
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/feedback/${rec.id}/analysis`,
      payload: { topics: ['delivery'] },
    });
    await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, rec.id)).toMatchObject({
      sentiment: { label: 'neutral' },
      topics: ['delivery'],
    });
    const list = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback?sentiment=neutral' })
    ).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([rec.id]);
  });

  it('refuses unknown topics and empty corrections without writing', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Спасибо' });
    const res = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/feedback/${rec.id}/analysis`,
      payload: { sentiment: 'negative', topics: ['nope'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'PATCH',
          url: `/api/v1/feedback/${rec.id}/analysis`,
          payload: {},
        })
      ).statusCode,
    ).toBe(400);
    expect(await t.deps.db.selectFrom('text_corrections').selectAll().execute()).toEqual([]);
  });

  it('edits topics per organisation, isolated from other organisations, and re-tags on reanalyse', async () => {
    t = await createTestApp({ dialect });
    const a = await createTestOrg(t.deps, 'A');
    const b = await createTestOrg(t.deps, 'B');
    const defaults = (
      await call(t.app, a.apiKey, { method: 'GET', url: '/api/v1/text/topics' })
    ).json();
    expect(defaults.items.map((x: { key: string }) => x.key)).toContain('delivery');
    const recA = await post(t, a, { text: 'Парковка у офиса всегда занята' });
    const recB = await post(t, b, { text: 'Парковка у офиса всегда занята' });
    await testWorker(t.deps).drain();
    expect((await detail(t, a, recA.id)).topics).toEqual([]);
    const items = [
      ...defaults.items,
      {
        key: 'parking',
        labelRu: 'Парковка',
        labelEn: 'Parking',
        keywords: ['парковка', 'car park'],
      },
    ];
    const put = await call(t.app, a.apiKey, {
      method: 'PUT',
      url: '/api/v1/text/topics',
      payload: { items },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items.at(-1)).toEqual({
      key: 'parking',
      labelRu: 'Парковка',
      labelEn: 'Parking',
      keywords: ['парковка', 'car park'],
    });
    const bTopics = (
      await call(t.app, b.apiKey, { method: 'GET', url: '/api/v1/text/topics' })
    ).json();
    expect(bTopics.items.map((x: { key: string }) => x.key)).not.toContain('parking');
    expect(
      (
        await call(t.app, a.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} })
      ).json(),
    ).toEqual({ queued: 1 });
    await testWorker(t.deps).drain();
    expect((await detail(t, a, recA.id)).topics).toEqual(['parking']);
    expect((await detail(t, b, recB.id)).topics).toEqual([]);
    // Duplicate keys and bad keys are refused.
    const dup = await call(t.app, a.apiKey, {
      method: 'PUT',
      url: '/api/v1/text/topics',
      payload: { items: [items[0], items[0]] },
    });
    expect(dup.statusCode).toBe(400);
    const badKey = await call(t.app, a.apiKey, {
      method: 'PUT',
      url: '/api/v1/text/topics',
      payload: { items: [{ ...items[0], key: 'Bad Key' }] },
    });
    expect(badKey.statusCode).toBe(400);
  });

  it('re-analyses only the requested period', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const old = await post(t, org, {
      text: 'Старый отзыв: всё плохо',
      receivedAt: '2026-01-10T10:00:00Z',
    });
    const recent = await post(t, org, {
      text: 'Новый отзыв: всё хорошо',
      receivedAt: '2026-03-10T10:00:00Z',
    });
    await testWorker(t.deps).drain();
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/text/reanalyse',
      payload: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
    });
    expect(res.json()).toEqual({ queued: 1 });
    const bad = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/text/reanalyse',
      payload: { from: '2026-04-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
    });
    expect(bad.statusCode).toBe(400);
    // The batch job marks the range pending; the sweep in the same round analyses it again.
    await t.deps.jobs.claim(t.deps.db, 'test', 10, 60_000).then(async (jobs) => {
      expect(jobs.map((j) => j.name)).toEqual(['text.reanalyse.batch']);
      await runReanalyseBatch(t.deps, org.orgId, JSON.parse(jobs[0]!.payload));
      await t.deps.jobs.complete(t.deps.db, jobs[0]!.id);
    });
    expect(await analysedAt(t, recent.id)).toBeNull();
    expect(await analysedAt(t, old.id)).toEqual(expect.any(String));
    await testWorker(t.deps).drain();
    expect(await analysedAt(t, recent.id)).toEqual(expect.any(String));
    expect(await detail(t, org, recent.id)).toMatchObject({ sentiment: { label: 'positive' } });
  });
});
