import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';
import { runReanalyseBatch } from './text.service.ts';

async function post(t: TestApp, org: TestOrg, payload: object) {
  const res = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

const detail = async (t: TestApp, org: TestOrg, id: string) => (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback/${id}` })).json();

describe.each(testDialects())('text analytics on %s', (dialect) => {
  let t: TestApp;
  let fake: Server | undefined;
  afterEach(async () => {
    await t?.close();
    await new Promise((r) => (fake ? fake.close(r) : r(undefined)));
    fake = undefined;
  });

  it('fills language, sentiment and topics in the worker run after intake, not on the request', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const bad = await post(t, org, { text: 'Курьер опоздал на три часа и нахамил' });
    const good = await post(t, org, { text: 'Great service, the invoice was correct and on time' });
    const empty = await post(t, org, { score: { type: 'nps', value: 10 } });
    expect((await detail(t, org, bad.id)).sentiment).toBeNull();
    await testWorker(t.deps).drain();
    expect(await detail(t, org, bad.id)).toMatchObject({ language: 'ru', sentiment: { label: 'negative' }, topics: expect.arrayContaining(['delivery']) });
    expect(await detail(t, org, good.id)).toMatchObject({ language: 'en', sentiment: { label: 'positive' }, topics: ['billing_documents'] });
    // No text → no job; the record keeps its score and no analysis.
    expect((await detail(t, org, empty.id)).sentiment).toBeNull();
    const jobs = await t.deps.db.selectFrom('jobs').select(['name', 'dedupe_key']).where('name', '=', 'text.analyse').execute();
    expect(jobs).toHaveLength(2);
    expect(jobs[0]!.dedupe_key).toMatch(/^text:[0-9a-f-]+:text-/);
  });

  it('keeps a correction through re-analysis and lists by the corrected values', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Доставка задержалась на два дня' });
    await testWorker(t.deps).drain();
    const patched = await call(t.app, org.apiKey, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: { sentiment: 'neutral', topics: ['delivery', 'communication'] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ sentiment: { label: 'neutral', score: 0 }, topics: ['delivery', 'communication'], corrected: { sentiment: 'neutral' } });
    const re = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} });
    expect(re.statusCode).toBe(202);
    expect(re.json()).toEqual({ queued: 1 });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, rec.id)).toMatchObject({ sentiment: { label: 'neutral' }, topics: ['delivery', 'communication'] });
    // A later topics-only correction keeps the earlier sentiment correction.
    await call(t.app, org.apiKey, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: { topics: ['delivery'] } });
    await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, rec.id)).toMatchObject({ sentiment: { label: 'neutral' }, topics: ['delivery'] });
    const list = (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback?sentiment=neutral' })).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([rec.id]);
  });

  it('refuses unknown topics and empty corrections without writing', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const rec = await post(t, org, { text: 'Спасибо' });
    const res = await call(t.app, org.apiKey, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: { sentiment: 'negative', topics: ['nope'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect((await call(t.app, org.apiKey, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: {} })).statusCode).toBe(400);
    expect(await t.deps.db.selectFrom('text_corrections').selectAll().execute()).toEqual([]);
  });

  it('edits topics per organisation, isolated from other organisations, and re-tags on reanalyse', async () => {
    t = await createTestApp({ dialect });
    const a = await createTestOrg(t.deps, 'A');
    const b = await createTestOrg(t.deps, 'B');
    const defaults = (await call(t.app, a.apiKey, { method: 'GET', url: '/api/v1/text/topics' })).json();
    expect(defaults.items.map((x: { key: string }) => x.key)).toContain('delivery');
    const recA = await post(t, a, { text: 'Парковка у офиса всегда занята' });
    const recB = await post(t, b, { text: 'Парковка у офиса всегда занята' });
    await testWorker(t.deps).drain();
    expect((await detail(t, a, recA.id)).topics).toEqual([]);
    const items = [...defaults.items, { key: 'parking', labelRu: 'Парковка', labelEn: 'Parking', keywords: ['парковка', 'car park'] }];
    const put = await call(t.app, a.apiKey, { method: 'PUT', url: '/api/v1/text/topics', payload: { items } });
    expect(put.statusCode).toBe(200);
    expect(put.json().items.at(-1)).toEqual({ key: 'parking', labelRu: 'Парковка', labelEn: 'Parking', keywords: ['парковка', 'car park'] });
    const bTopics = (await call(t.app, b.apiKey, { method: 'GET', url: '/api/v1/text/topics' })).json();
    expect(bTopics.items.map((x: { key: string }) => x.key)).not.toContain('parking');
    expect((await call(t.app, a.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} })).json()).toEqual({ queued: 1 });
    await testWorker(t.deps).drain();
    expect((await detail(t, a, recA.id)).topics).toEqual(['parking']);
    expect((await detail(t, b, recB.id)).topics).toEqual([]);
    // Duplicate keys and bad keys are refused.
    const dup = await call(t.app, a.apiKey, { method: 'PUT', url: '/api/v1/text/topics', payload: { items: [items[0], items[0]] } });
    expect(dup.statusCode).toBe(400);
    const badKey = await call(t.app, a.apiKey, { method: 'PUT', url: '/api/v1/text/topics', payload: { items: [{ ...items[0], key: 'Bad Key' }] } });
    expect(badKey.statusCode).toBe(400);
  });

  it('re-analyses only the requested period, in batches', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    await post(t, org, { text: 'Старый отзыв: всё плохо', receivedAt: '2026-01-10T10:00:00Z' });
    await post(t, org, { text: 'Новый отзыв: всё хорошо', receivedAt: '2026-03-10T10:00:00Z' });
    await testWorker(t.deps).drain();
    const res = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } });
    expect(res.json()).toEqual({ queued: 1 });
    const bad = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/text/reanalyse', payload: { from: '2026-04-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } });
    expect(bad.statusCode).toBe(400);
    await testWorker(t.deps).drain();
    const reruns = await t.deps.db.selectFrom('jobs').select('dedupe_key').where('name', '=', 'text.analyse').where('status', '=', 'done').execute();
    expect(reruns).toHaveLength(3);
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
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: '{"sentiment":"positive","score":0.9,"topics":["price","made_up"]}' } }] }));
      });
    });
    await new Promise<void>((r) => fake!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1/chat/completions`;
    t = await createTestApp({ dialect, env: { TEXT_PROVIDER_URL: url } });
    const org = await createTestOrg(t.deps);
    const first = await post(t, org, { text: 'Курьер опоздал' });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, first.id)).toMatchObject({ sentiment: { label: 'positive', score: 0.9 }, topics: ['price'] });
    mode = 'broken';
    const second = await post(t, org, { text: 'Курьер опоздал' });
    await testWorker(t.deps).drain();
    expect(await detail(t, org, second.id)).toMatchObject({ language: 'ru', sentiment: { label: 'negative' }, topics: ['delivery'] });
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
    const res = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/text/trends?from=2026-01-01' });
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
    expect((await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/text/trends' })).statusCode).toBe(400);
  });
});

describe.each(testDialects())('text analytics batches and roles on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('walks all records in batches, each batch queuing the next', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (let i = 0; i < 5; i++) await post(t, org, { text: `Отзыв номер ${i}: всё хорошо` });
    await testWorker(t.deps).drain();
    // The route's batches are 200 long; a batch of 2 proves the chaining with few rows.
    await runReanalyseBatch(t.deps, org.orgId, { runId: 'run-1', afterId: null }, 2);
    await testWorker(t.deps).drain();
    const rerun = await t.deps.db.selectFrom('jobs').select('dedupe_key').where('dedupe_key', 'like', 'text:%:run-1').execute();
    // Batch jobs queued by the job itself use the default size, so all 5 records are covered once.
    expect(rerun).toHaveLength(5);
    const chained = await t.deps.db.selectFrom('jobs').select('dedupe_key').where('dedupe_key', 'like', 'text-batch:run-1:%').execute();
    expect(chained).toHaveLength(1);
  });

  it('lets only org.manage edit topics or re-analyse, and only data.write correct', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const keyFor = async (role: string) => (await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/api-keys', payload: { name: role, role } })).json().secret as string;
    const manager = await keyFor('manager');
    const viewer = await keyFor('viewer');
    const rec = await post(t, org, { text: 'Курьер опоздал' });
    const topics = (await call(t.app, viewer, { method: 'GET', url: '/api/v1/text/topics' })).json();
    expect((await call(t.app, manager, { method: 'PUT', url: '/api/v1/text/topics', payload: { items: topics.items } })).statusCode).toBe(403);
    expect((await call(t.app, manager, { method: 'POST', url: '/api/v1/text/reanalyse', payload: {} })).statusCode).toBe(403);
    expect((await call(t.app, viewer, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: { sentiment: 'positive' } })).statusCode).toBe(403);
    expect((await call(t.app, manager, { method: 'PATCH', url: `/api/v1/feedback/${rec.id}/analysis`, payload: { sentiment: 'positive' } })).statusCode).toBe(200);
  });
});
