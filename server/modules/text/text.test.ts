import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { SWEEP_BATCH_SIZE, sweepTextAnalysis } from './sweep.ts';
import { listPendingAnalysis } from './text.repo.ts';
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
  let fake: Server | undefined;
  afterEach(async () => {
    await t?.close();
    await new Promise((r) => (fake ? fake.close(r) : r(undefined)));
    fake = undefined;
  });

  it('fills language, sentiment and topics in the worker round after intake, with no job per record', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const bad = await post(t, org, { text: 'Курьер опоздал на три часа и нахамил' });
    const good = await post(t, org, { text: 'Great service, the invoice was correct and on time' });
    const empty = await post(t, org, { score: { type: 'nps', value: 10 } });
    expect((await detail(t, org, bad.id)).sentiment).toBeNull();
    // The intake wrote nothing for text analysis but the record itself: pending = analysed_at null.
    expect(
      await t.deps.db.selectFrom('jobs').select('name').where('name', 'like', 'text.%').execute(),
    ).toEqual([]);
    expect(await analysedAt(t, bad.id)).toBeNull();
    await testWorker(t.deps).drain();
    expect(await detail(t, org, bad.id)).toMatchObject({
      language: 'ru',
      sentiment: { label: 'negative' },
      topics: expect.arrayContaining(['delivery']),
    });
    expect(await detail(t, org, good.id)).toMatchObject({
      language: 'en',
      sentiment: { label: 'positive' },
      topics: ['billing_documents'],
    });
    expect(await analysedAt(t, good.id)).toEqual(expect.any(String));
    // No text → never pending; the record keeps its score and no analysis.
    expect((await detail(t, org, empty.id)).sentiment).toBeNull();
    expect(await analysedAt(t, empty.id)).toBeNull();
    expect(await listPendingAnalysis(t.deps.db, 10)).toEqual([]);
    expect(
      await t.deps.db.selectFrom('jobs').select('name').where('name', 'like', 'text.%').execute(),
    ).toEqual([]);
  });

  it('analyses records of two organisations in one round, each with its own taxonomy', async () => {
    t = await createTestApp({ dialect });
    const a = await createTestOrg(t.deps, 'A');
    const b = await createTestOrg(t.deps, 'B');
    const defaults = (
      await call(t.app, a.apiKey, { method: 'GET', url: '/api/v1/text/topics' })
    ).json();
    const items = [
      ...defaults.items,
      { key: 'parking', labelRu: 'Парковка', labelEn: 'Parking', keywords: ['парковка'] },
    ];
    expect(
      (
        await call(t.app, a.apiKey, {
          method: 'PUT',
          url: '/api/v1/text/topics',
          payload: { items },
        })
      ).statusCode,
    ).toBe(200);
    const recA = await post(t, a, { text: 'Парковка у офиса всегда занята, курьер опоздал' });
    const recB = await post(t, b, { text: 'Парковка у офиса всегда занята, курьер опоздал' });
    await testWorker(t.deps).runOnce();
    expect((await detail(t, a, recA.id)).topics).toEqual(
      expect.arrayContaining(['parking', 'delivery']),
    );
    expect((await detail(t, b, recB.id)).topics).toEqual(['delivery']);
    expect(await listPendingAnalysis(t.deps.db, 10)).toEqual([]);
  });

  it('marks a text without letters analysed, with nulls, and never picks it again', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: '+++ 12345 !!!', score: { type: 'nps', value: 2 } });
    expect(await sweepTextAnalysis(t.deps)).toBe(1);
    expect(await detail(t, org, rec.id)).toMatchObject({
      language: null,
      sentiment: null,
      topics: [],
    });
    expect(await analysedAt(t, rec.id)).toEqual(expect.any(String));
    expect(await sweepTextAnalysis(t.deps)).toBe(0);
  });

  it('analyses at most one batch per round: more than a batch takes two rounds', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const items = Array.from({ length: SWEEP_BATCH_SIZE + 5 }, (_, i) => ({
      text: `Отзыв номер ${i}: всё хорошо, спасибо`,
    }));
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: { items },
    });
    expect(res.statusCode).toBe(200);
    const pending = async () => (await listPendingAnalysis(t.deps.db, 1000)).length;
    expect(await pending()).toBe(SWEEP_BATCH_SIZE + 5);
    const worker = testWorker(t.deps);
    await worker.runOnce();
    expect(await pending()).toBe(5);
    await worker.runOnce();
    expect(await pending()).toBe(0);
    expect(await worker.runOnce()).toBe(0);
  });

  it('completes a text.analyse job queued before the sweep existed', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Курьер опоздал' });
    await testWorker(t.deps).drain();
    await t.deps.jobs.enqueue(t.deps.db, {
      name: 'text.analyse',
      orgId: org.orgId,
      payload: { feedbackId: rec.id },
    });
    await testWorker(t.deps).drain();
    expect(
      await t.deps.db
        .selectFrom('jobs')
        .select('status')
        .where('name', '=', 'text.analyse')
        .execute(),
    ).toEqual([{ status: 'done' }]);
    expect(await analysedAt(t, rec.id)).toEqual(expect.any(String));
    expect(await detail(t, org, rec.id)).toMatchObject({
      sentiment: { label: 'negative' },
      topics: ['delivery'],
    });
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

  it('uses the configured provider, and falls back to the offline model when it fails', async () => {
    let mode: 'ok' | 'broken' = 'ok';
    const seen: unknown[] = [];
    fake = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(JSON.parse(body));
        if (mode === 'broken') return res.writeHead(500).end('boom');
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            choices: [
              {
                message: {
                  content: '{"sentiment":"positive","score":0.9,"topics":["price","made_up"]}',
                },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((r) => fake!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1/chat/completions`;
    t = await createTestApp({ dialect, env: { TEXT_PROVIDER_URL: url } });
    const org = await createTestOrg(t.deps);
    const first = await post(t, org, { text: 'Курьер опоздал' });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, first.id)).toMatchObject({
      sentiment: { label: 'positive', score: 0.9 },
      topics: ['price'],
    });
    mode = 'broken';
    const second = await post(t, org, { text: 'Курьер опоздал' });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, second.id)).toMatchObject({
      language: 'ru',
      sentiment: { label: 'negative' },
      topics: ['delivery'],
    });
    expect(seen).toHaveLength(2);
  });
});

describe.each(testDialects())('text trends on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('counts sentiment by month and topics since `from`, per organisation', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const other = await createTestOrg(t.deps, 'Other');
    await post(t, org, { text: 'Курьер опоздал, ужасно', receivedAt: '2026-02-10T10:00:00Z' });
    await post(t, org, { text: 'Отличная доставка, спасибо', receivedAt: '2026-03-05T10:00:00Z' });
    await post(t, org, { text: 'Счёт с ошибкой, плохо', receivedAt: '2026-03-06T10:00:00Z' });
    await post(t, org, { text: 'Очень старый плохой отзыв', receivedAt: '2025-01-01T10:00:00Z' });
    await post(t, other, { text: 'Курьер опоздал', receivedAt: '2026-03-05T10:00:00Z' });
    await testWorker(t.deps).drain();
    const res = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/text/trends?from=2026-01-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      months: [
        { month: '2026-02', positive: 0, neutral: 0, negative: 1 },
        { month: '2026-03', positive: 1, neutral: 0, negative: 1 },
      ],
      topics: [
        { key: 'delivery', count: 2, negative: 1 },
        { key: 'billing_documents', count: 1, negative: 1 },
      ],
      truncated: false,
    });
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/text/trends' })).statusCode,
    ).toBe(400);
  });
});

describe.each(testDialects())('text analytics batches and roles on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('walks all records in batches, each batch marking its records pending and queuing the next', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const other = await createTestOrg(t.deps, 'Other');
    for (let i = 0; i < 5; i++) await post(t, org, { text: `Отзыв номер ${i}: всё хорошо` });
    const foreign = await post(t, other, { text: 'Чужой отзыв' });
    await testWorker(t.deps).drain();
    // The route's batches are 200 long; a batch of 2 proves the chaining with few rows.
    await runReanalyseBatch(t.deps, org.orgId, { runId: 'run-1', afterId: null }, 2);
    expect((await listPendingAnalysis(t.deps.db, 10)).map((r) => r.org_id)).toEqual([
      org.orgId,
      org.orgId,
    ]);
    const chained = await t.deps.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('dedupe_key', 'like', 'text-batch:run-1:%')
      .execute();
    expect(chained).toHaveLength(1);
    // The chained job uses the default size, so all 5 records are covered, and no other org's.
    await t.deps.jobs.claim(t.deps.db, 'test', 10, 60_000).then(async (jobs) => {
      for (const j of jobs) await runReanalyseBatch(t.deps, j.org_id!, JSON.parse(j.payload));
    });
    const pending = await listPendingAnalysis(t.deps.db, 10);
    expect(pending).toHaveLength(5);
    expect(pending.every((r) => r.org_id === org.orgId && r.id !== foreign.id)).toBe(true);
  });

  it('lets only org.manage edit topics or re-analyse, and only data.write correct', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const keyFor = async (role: string) =>
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: '/api/v1/api-keys',
          payload: { name: role, role },
        })
      ).json().secret as string;
    const manager = await keyFor('manager');
    const viewer = await keyFor('viewer');
    const rec = await post(t, org, { text: 'Курьер опоздал' });
    const topics = (
      await call(t.app, viewer, { method: 'GET', url: '/api/v1/text/topics' })
    ).json();
    expect(
      (
        await call(t.app, manager, {
          method: 'PUT',
          url: '/api/v1/text/topics',
          payload: { items: topics.items },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call(t.app, manager, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, viewer, {
          method: 'PATCH',
          url: `/api/v1/feedback/${rec.id}/analysis`,
          payload: { sentiment: 'positive' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(t.app, manager, {
          method: 'PATCH',
          url: `/api/v1/feedback/${rec.id}/analysis`,
          payload: { sentiment: 'positive' },
        })
      ).statusCode,
    ).toBe(200);
  });
});
