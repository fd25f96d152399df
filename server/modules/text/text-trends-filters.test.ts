// Text trends take the dashboard's window and filters (stage, channel, segment, manager, client),
// as the satisfaction charts beside them do: each filter below counts exactly the records worked
// out by hand from the table, and an id of another organisation is a 404 like elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { testWorker } from '../../../tests/support/worker.ts';

// The analyser's verdict on each text (text-trends-and-roles.test.ts relies on the same three).
const LATE = 'Курьер опоздал, ужасно'; // negative, [delivery]
const GOOD = 'Отличная доставка, спасибо'; // positive, [delivery]
const BILL = 'Счёт с ошибкой, плохо'; // negative, [billing_documents]

async function post(t: TestApp, org: TestOrg, url: string, payload: object) {
  const res = await call(t.app, org.apiKey, { method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const month = (m: string, positive: number, negative: number) => ({
  month: m,
  positive,
  neutral: 0,
  negative,
});
const topic = (key: string, negative: number, positive: number) => ({
  key,
  count: negative + positive,
  negative,
  positive,
});

describe.each(testDialects())('text trends with the dashboard filters on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps);
    other = await createTestOrg(t.deps, 'Other');
    for (const who of [org, other])
      for (const key of ['delivery', 'billing']) await post(t, who, '/api/v1/stages', { key });
    for (const name of ['m1', 'm2'])
      ids[name] = (
        await post(t, org, '/api/v1/users', {
          email: `${name}-${org.orgId}@example.com`,
          name,
          password: 'long-enough-1',
          role: 'manager',
        })
      ).id;
    //   client  segment  manager
    //   c1      retail   m1
    //   c2      b2b      m2
    //   c3      retail   m2
    for (const [name, segment, manager] of [
      ['c1', 'retail', 'm1'],
      ['c2', 'b2b', 'm2'],
      ['c3', 'retail', 'm2'],
    ] as const)
      ids[name] = (
        await post(t, org, '/api/v1/clients', { name, segment, managerId: ids[manager] })
      ).id;
    //   record  client  stage     channel  text  received
    //   r1      c1      delivery  api      LATE  2026-02-10
    //   r2      c2      delivery  email    GOOD  2026-03-05
    //   r3      c1      billing   email    BILL  2026-03-06
    //   r4      c2      billing   api      GOOD  2026-04-02
    //   r5      —       delivery  api      LATE  2026-03-20
    //   r6      c3      billing   phone    GOOD  2026-04-10
    //   r7      c1      delivery  api      LATE  2025-12-31 (before the window)
    const records = [
      ['c1', 'delivery', 'api', LATE, '2026-02-10'],
      ['c2', 'delivery', 'email', GOOD, '2026-03-05'],
      ['c1', 'billing', 'email', BILL, '2026-03-06'],
      ['c2', 'billing', 'api', GOOD, '2026-04-02'],
      [null, 'delivery', 'api', LATE, '2026-03-20'],
      ['c3', 'billing', 'phone', GOOD, '2026-04-10'],
      ['c1', 'delivery', 'api', LATE, '2025-12-31'],
    ] as const;
    for (const [client, stage, channel, text, day] of records)
      await post(t, org, '/api/v1/feedback', {
        ...(client ? { clientId: ids[client] } : {}),
        stage,
        channel,
        text,
        receivedAt: `${day}T10:00:00Z`,
      });
    // Another organisation's record on the same stage and channel counts for no filter of org's.
    const foreign = await post(t, other, '/api/v1/clients', { name: 'x', segment: 'retail' });
    ids.foreign = foreign.id;
    await post(t, other, '/api/v1/feedback', {
      clientId: foreign.id,
      stage: 'delivery',
      channel: 'email',
      text: LATE,
      receivedAt: '2026-03-05T10:00:00Z',
    });
    await testWorker(t.deps).drain();
  });
  afterAll(async () => t?.close());

  const trends = (query: string) =>
    call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/text/trends?from=2026-01-01${query}` });

  it('counts, per filter, exactly the records the table above says', async () => {
    const cases: [string, ReturnType<typeof month>[], ReturnType<typeof topic>[]][] = [
      // r1–r6 (r7 is before `from`, the other organisation's record is not counted).
      [
        '',
        [month('2026-02', 0, 1), month('2026-03', 1, 2), month('2026-04', 2, 0)],
        [topic('delivery', 2, 3), topic('billing_documents', 1, 0)],
      ],
      // r1, r2, r5
      [
        '&stage=delivery',
        [month('2026-02', 0, 1), month('2026-03', 1, 1)],
        [topic('delivery', 2, 1)],
      ],
      // r2, r3 (equal counts: topics by key)
      [
        '&channel=email',
        [month('2026-03', 1, 1)],
        [topic('billing_documents', 1, 0), topic('delivery', 0, 1)],
      ],
      // c1 and c3: r1, r3, r6
      [
        '&segment=retail',
        [month('2026-02', 0, 1), month('2026-03', 0, 1), month('2026-04', 1, 0)],
        [topic('delivery', 1, 1), topic('billing_documents', 1, 0)],
      ],
      // c2 and c3: r2, r4, r6
      [
        `&managerId=${ids.m2}`,
        [month('2026-03', 1, 0), month('2026-04', 2, 0)],
        [topic('delivery', 0, 3)],
      ],
      // c1: r1, r3
      [
        `&clientId=${ids.c1}`,
        [month('2026-02', 0, 1), month('2026-03', 0, 1)],
        [topic('billing_documents', 1, 0), topic('delivery', 1, 0)],
      ],
      // retail and billing: r3, r6
      [
        '&segment=retail&stage=billing',
        [month('2026-03', 0, 1), month('2026-04', 1, 0)],
        [topic('billing_documents', 1, 0), topic('delivery', 0, 1)],
      ],
      // before 2026-03-06 (exclusive): r1, r2
      [
        '&to=2026-03-06',
        [month('2026-02', 0, 1), month('2026-03', 1, 0)],
        [topic('delivery', 1, 1)],
      ],
      // a segment nobody has: nothing
      ['&segment=none-such', [], []],
    ];
    for (const [query, months, topics] of cases) {
      const res = await trends(query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      expect(res.json(), query).toEqual({
        months,
        topics,
        disagreements: { highScoreNegativeText: 0, lowScorePositiveText: 0 },
        truncated: false,
      });
    }
  });

  it("refuses another organisation's client or an unknown manager with 404, and a window ending before it starts", async () => {
    for (const [query, name] of [
      [`&clientId=${ids.foreign}`, 'query.clientId'],
      ['&managerId=01a206ea-dd6a-7001-8c1b-5f588a061bc6', 'query.managerId'],
    ] as const) {
      const res = await trends(query);
      expect([res.statusCode, res.json().code], query).toEqual([404, 'not_found']);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().invalidParams[0].name).toBe(name);
    }
    const backwards = await trends('&to=2025-06-01');
    expect([backwards.statusCode, backwards.json().code]).toEqual([400, 'validation_failed']);
  });
});
