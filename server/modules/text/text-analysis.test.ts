// Text analytics: the sweep that fills language, sentiment and topics after intake, in batches
// and per organisation, the legacy text.analyse job, and the configured provider with its
// offline fallback.
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
    // A provider on this machine: the operator allows its host past the SSRF guard.
    const host = new URL(url).host;
    t = await createTestApp({
      dialect,
      env: { TEXT_PROVIDER_URL: url, OUTBOUND_ALLOWED_HOSTS: host },
    });
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
