// Issue 21: the satisfaction report narrowed by segment, manager, client, stage and channel over a
// custom range of calendar days in the organisation's zone (Europe/Moscow, UTC+3 all year), and
// compared with the previous period of equal length. Every number below is worked out by hand
// from the records listed here. Both dialects.
//
// Clients: C1 (крупные, manager M1), C2 (крупные, M2), C3 (малые, M1). NPS answers:
//   #  client  channel  stage     score  received (Moscow)      window 1–10 March / 19–28 Feb
//   1  C1      email    доставка  10     1 Mar 00:30            current (28 Feb in UTC)
//   2  C1      web      доставка   9     5 Mar 12:00            current
//   3  C2      email    склад      3     6 Mar 12:00            current
//   4  C3      email    доставка   8     7 Mar 12:00            current
//   5  —       email    доставка   2     8 Mar 12:00            current
//   6  C1      email    доставка   0    11 Mar 00:30            neither (10 Mar in UTC)
//   7  C1      email    доставка   5    20 Feb 10:00            previous
//   8  C2      email    доставка  10    25 Feb 12:00            previous
//   9  C1      email    доставка  10    18 Feb 23:00            neither (19 Feb 20:00 in UTC)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { rollupMisfit } from './report-rollup.ts';

const NPS_ANSWERS = [
  ['C1', 'email', 'доставка', 10, '2026-03-01T00:30:00+03:00'],
  ['C1', 'web', 'доставка', 9, '2026-03-05T12:00:00+03:00'],
  ['C2', 'email', 'склад', 3, '2026-03-06T12:00:00+03:00'],
  ['C3', 'email', 'доставка', 8, '2026-03-07T12:00:00+03:00'],
  [null, 'email', 'доставка', 2, '2026-03-08T12:00:00+03:00'],
  ['C1', 'email', 'доставка', 0, '2026-03-11T00:30:00+03:00'],
  ['C1', 'email', 'доставка', 5, '2026-02-20T10:00:00+03:00'],
  ['C2', 'email', 'доставка', 10, '2026-02-25T12:00:00+03:00'],
  ['C1', 'email', 'доставка', 10, '2026-02-18T23:00:00+03:00'],
] as const;

describe.each(testDialects())('satisfaction filters and comparison on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  const ids: Record<string, string> = {};
  const foreign: Record<string, string> = {};

  const api = (org: TestOrg, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const post = async (org: TestOrg, url: string, payload: object) => {
    const res = await api(org, url === '/api/v1/org' ? 'PATCH' : 'POST', url, payload);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const manager = (org: TestOrg, name: string) =>
    post(org, '/api/v1/users', {
      email: `${name}-${org.orgId}@example.com`,
      name,
      password: 'long-enough-1',
      role: 'manager',
    });

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-06-01T00:00:00Z') });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    await post(a, '/api/v1/org', { timeZone: 'Europe/Moscow' });
    ids.M1 = (await manager(a, 'M1')).id;
    ids.M2 = (await manager(a, 'M2')).id;
    for (const [name, segment, m] of [
      ['C1', 'крупные', 'M1'],
      ['C2', 'крупные', 'M2'],
      ['C3', 'малые', 'M1'],
    ] as const)
      ids[name] = (await post(a, '/api/v1/clients', { name, segment, managerId: ids[m] })).id;
    for (const [client, channel, stage, value, receivedAt] of NPS_ANSWERS)
      await post(a, '/api/v1/feedback', {
        channel,
        stage,
        score: { type: 'nps', value },
        receivedAt,
        ...(client ? { clientId: ids[client] } : {}),
      });
    // CSAT for the month comparison: February 5 × 4 and 5 × 2, March 10 × 5 (mid-month).
    for (const [value, day] of [
      ...Array.from({ length: 5 }, () => [4, '2026-02-10'] as const),
      ...Array.from({ length: 5 }, () => [2, '2026-02-11'] as const),
      ...Array.from({ length: 10 }, () => [5, '2026-03-12'] as const),
    ])
      await post(a, '/api/v1/feedback', {
        score: { type: 'csat', value },
        receivedAt: `${day}T12:00:00+03:00`,
        clientId: ids.C3,
      });
    foreign.manager = (await manager(b, 'MB')).id;
    foreign.client = (await post(b, '/api/v1/clients', { name: 'Чужой', segment: 'крупные' })).id;
  });
  afterAll(async () => t?.close());

  const report = async (query: string) => {
    const res = await api(a, 'GET', `/api/v1/metrics/satisfaction?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const days = 'metric=nps&from=2026-03-01&to=2026-03-11';

  it('reads calendar dates as midnights in the organisation zone', async () => {
    const out = await report(days);
    expect([out.from, out.to]).toEqual(['2026-02-28T21:00:00.000Z', '2026-03-10T21:00:00.000Z']);
    // #1–#5: promoters 10, 9; passive 8; detractors 3, 2 → NPS 0; var .4 + .4 − 0 = .8,
    // 1.96 · √(.8 / 5) · 100 = 78.4.
    expect(out.groups).toEqual([
      expect.objectContaining({ key: 'all', value: 0, responses: 5, marginOfError: 78.4 }),
    ]);
  });

  it.each([
    // #1 #2 #3: P 2, D 1 of 3 → 33.3
    ['segment=крупные', 33.3, 3],
    // #1 #2 #4 (C1, C3): P 2, passive 1 → 66.7
    ['managerId=M1', 66.7, 3],
    // #1 #2: both promoters → 100
    ['clientId=C1', 100, 2],
    // #3 → −100
    ['stage=склад', -100, 1],
    // #2 → 100
    ['channel=web', 100, 1],
    // #1 #2 #4 #5 (доставка): P 2, passive 1, D 1 of 4 → 25
    ['stage=доставка', 25, 4],
    // C1 only: #1 #2 → 100
    ['segment=крупные&managerId=M1', 100, 2],
    // #1 #3 #4 #5 (email), of крупные: #1 #3 → P 1, D 1 → 0
    ['channel=email&segment=крупные', 0, 2],
  ])('narrows to %s', async (filter, value, responses) => {
    const qs = filter.replace(/=(M\d|C\d)\b/g, (_, name: string) => `=${ids[name]}`);
    const out = await report(`${days}&${qs}`);
    expect(out.groups).toEqual([expect.objectContaining({ key: 'all', value, responses })]);
    // The filters come back as given, so the drill-down carries them.
    expect(Object.keys(out.filters).sort()).toEqual(
      qs
        .split('&')
        .map((p) => p.split('=')[0])
        .sort(),
    );
  });

  it('compares with the previous period of as many days', async () => {
    const out = await report(`${days}&compare=previous`);
    // 1–10 March → 19–28 February (Moscow): #7 (5, detractor) and #8 (10, promoter) → NPS 0,
    // var 1, 1.96 · √(1/2) · 100 = 138.6. The change is 0 on 5 − 2 = 3 more answers: z = 0, p = 1.
    expect(out.previous).toEqual({
      from: '2026-02-18T21:00:00.000Z',
      to: '2026-02-28T21:00:00.000Z',
      monthsBack: null,
      groups: [
        expect.objectContaining({ key: 'all', value: 0, responses: 2, marginOfError: 138.6 }),
      ],
    });
    expect(out.groups[0].change).toEqual({
      previousValue: 0,
      previousResponses: 2,
      value: 0,
      responses: 3,
      pValue: 1,
      significant: false,
    });
    // C1: now #1 #2 (100, margin 0), before #7 alone (−100, one answer: no margin) → +200, but
    // one answer says nothing: significance null.
    const c1 = await report(`${days}&compare=previous&clientId=${ids.C1}`);
    expect(c1.groups[0].change).toMatchObject({ previousValue: -100, value: 200, pValue: null });
    expect(c1.groups[0].change.significant).toBeNull();
  });

  it('compares whole months with as many months before, and says when the change is beyond noise', async () => {
    const out = await report('metric=csat&from=2026-03-01&to=2026-04-01&compare=previous');
    // March: 10 of 10 satisfied → 100 %, margin 0. February: 5 of 10 → 50 %, margin
    // 1.96 · √(.25/10) · 100 = 31.0. se = √(0 + .025) = .1581, z = .5 / .1581 = 3.162,
    // p = 2 · (1 − Φ(3.162)) = 0.0016 < 0.05: significant.
    expect(out.previous).toMatchObject({
      from: '2026-01-31T21:00:00.000Z',
      to: '2026-02-28T21:00:00.000Z',
      monthsBack: 1,
    });
    expect(out.groups[0]).toMatchObject({ value: 100, responses: 10, marginOfError: 0 });
    expect(out.groups[0].change).toEqual({
      previousValue: 50,
      previousResponses: 10,
      value: 50,
      responses: 0,
      pValue: 0.0016,
      significant: true,
    });
    // By month, the previous period's months come beside (the chart overlays them); no change
    // per group, as the months differ.
    const months = await report(
      'metric=csat&from=2026-03-01&to=2026-04-01&compare=previous&groupBy=month',
    );
    expect(months.groups.map((g: { key: string }) => g.key)).toEqual(['2026-03']);
    expect(months.groups[0].change).toBeUndefined();
    expect(months.previous.groups).toEqual([
      expect.objectContaining({ key: '2026-02', value: 50, responses: 10 }),
    ]);
  });

  it('reads a segment of one stage over whole months from the client-group counts', async () => {
    // доставка of крупные (C1, C2), February and March in Moscow: #1 10, #2 9, #6 0, #7 5,
    // #8 10, #9 10 → P 4, D 2 of 6 → 33.3. (#9 is 18 Feb, inside February.)
    const q = { segment: 'крупные', stage: 'доставка' };
    expect(rollupMisfit(q, 'Europe/Moscow')).toBeNull();
    const out = await report(
      `metric=nps&from=2026-02-01&to=2026-04-01&segment=крупные&stage=доставка`,
    );
    expect(out.groups).toEqual([expect.objectContaining({ value: 33.3, responses: 6 })]);
    // The same with a channel filter cannot use them and scans: #1 #6 #7 #8 #9 (email) →
    // P 3, D 2 of 5 → 20.
    expect(rollupMisfit({ ...q, channel: 'email' }, 'Europe/Moscow')).not.toBeNull();
    const email = await report(
      `metric=nps&from=2026-02-01&to=2026-04-01&segment=крупные&stage=доставка&channel=email`,
    );
    expect(email.groups).toEqual([expect.objectContaining({ value: 20, responses: 5 })]);
  });

  it("answers another organisation's client or manager, or an unknown one, with a 404", async () => {
    for (const [name, id] of [
      ['clientId', foreign.client],
      ['managerId', foreign.manager],
      ['clientId', '01900000-0000-7000-8000-000000000000'],
    ] as const)
      for (const url of [
        `/api/v1/metrics/satisfaction?metric=nps&${name}=${id}`,
        `/api/v1/feedback?${name}=${id}`,
        `/api/v1/feedback/count?${name}=${id}`,
      ]) {
        const res = await api(a, 'GET', url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type'], url).toContain('application/problem+json');
        expect(res.json().code, url).toBe('not_found');
        expect(res.body, url).not.toContain('Чужой');
      }
  });
});
