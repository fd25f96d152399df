// Text analytics: sentiment and topic trends, re-analysis batches walking all records, and the
// roles allowed to edit topics, re-analyse and correct.
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
import { listPendingAnalysis } from './text.repo.ts';
import { runReanalyseBatch } from './text.service.ts';

async function post(t: TestApp, org: TestOrg, payload: object) {
  const res = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/feedback', payload });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

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
        { key: 'delivery', count: 2, negative: 1, positive: 1 },
        { key: 'billing_documents', count: 1, negative: 1, positive: 0 },
      ],
      disagreements: { highScoreNegativeText: 0, lowScorePositiveText: 0 },
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
