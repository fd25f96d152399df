// Lists come in the order of the date they show (issue 21): a historical import arrives out of
// order, yet the feedback list runs newest received first, ties broken by id, and paging on
// (receivedAt, id) visits every record exactly once. The audit log follows its own dates.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('lists in date order on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('orders feedback by receivedAt, breaks ties by id and pages through every record once', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    // Sent in this order; received on other days (two on the same instant).
    const days = [
      '2026-11-27',
      '2026-11-28',
      '2026-11-25',
      '2026-11-30',
      '2026-11-28',
      '2026-11-26',
    ];
    const batch = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback/batch',
      payload: {
        items: days.map((d, i) => ({ text: `Отзыв ${i}`, receivedAt: `${d}T09:00:00.000Z` })),
      },
    });
    expect(batch.statusCode).toBeLessThan(300);

    const seen: { id: string; receivedAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : '';
      const page = (
        await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/feedback?limit=2${qs}` })
      ).json() as { items: { id: string; receivedAt: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((f) => ({ id: f.id, receivedAt: f.receivedAt })));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen.map((f) => f.receivedAt.slice(0, 10))).toEqual([
      '2026-11-30',
      '2026-11-28',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
    ]);
    expect(new Set(seen.map((f) => f.id)).size).toBe(6);
    // The two records of 28 Nov: the larger id first.
    const tie = seen.filter((f) => f.receivedAt.startsWith('2026-11-28')).map((f) => f.id);
    expect(tie).toEqual([...tie].sort().reverse());
  });

  it('refuses a cursor that is not one it gave, with a 400 naming the parameter', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (const bad of [
      'bm90LWEtY3Vyc29y',
      Buffer.from('2026-11-30T09:00:00.000Z|x').toString('base64url'),
    ]) {
      const res = await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/feedback?cursor=${bad}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().invalidParams[0].name).toBe('query.cursor');
    }
  });

  it('orders the audit log by its dates, not by id', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    // Two entries whose ids run against their dates (an entry written late about an earlier act).
    const ids = ['01930000-0000-7000-8000-000000000001', '01930000-0000-7000-8000-000000000002'];
    const dates = ['2026-11-30T10:00:00.000Z', '2026-11-20T10:00:00.000Z'];
    for (const [i, id] of ids.entries())
      await t.deps.db
        .insertInto('audit_log')
        .values({
          id,
          org_id: org.orgId,
          actor_type: 'system',
          actor_id: null,
          action: 'test.entry',
          target_type: null,
          target_id: null,
          details: null,
          created_at: dates[i]!,
        })
        .execute();
    const res = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' });
    expect(res.statusCode).toBe(200);
    const mine = (res.json().items as { id: string }[]).filter((e) => ids.includes(e.id));
    expect(mine.map((e) => e.id)).toEqual([ids[0], ids[1]]);
  });
});
