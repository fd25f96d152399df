// The satisfaction API on both dialects, over feedback rows written straight into the table so
// the expected numbers can be computed by hand (metrics.fixtures.ts). This file: the dashboard
// overview, and the query parameters refused.
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
import { NOW, insertFeedback, nps, seedSatisfaction } from './metrics.fixtures.ts';

describe.each(testDialects())('satisfaction metrics on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock(NOW) });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    await seedSatisfaction(t, a.orgId, b.orgId);
  });
  afterAll(async () => t?.close());

  const get = (org: TestOrg, query: string) =>
    call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/metrics/satisfaction?${query}` });

  it('summarises NPS, CSAT and CES over the last 90 days for the dashboard', async () => {
    const empty = await call(t.app, b.apiKey, { method: 'GET', url: '/api/v1/metrics/overview' });
    expect(empty.json()).toMatchObject({ nps: { value: null, responses: 0, marginOfError: null } });

    const c = await createTestOrg(t.deps, 'gamma');
    await insertFeedback(t, c.orgId, [
      ...nps('2026-05-01T00:00:00.000Z', 10, 9, 7, 2),
      { at: '2026-06-01T00:00:00.000Z', type: 'csat', score: 5 },
      { at: '2026-06-02T00:00:00.000Z', type: 'csat', score: 2 },
      { at: '2026-06-03T00:00:00.000Z', type: 'ces', score: 2 },
      { at: '2026-06-03T00:00:00.000Z', type: 'ces', score: 4 },
      // 91 days ago: outside the overview.
      ...nps('2026-03-16T12:00:00.000Z', 0, 0, 0),
    ]);
    const res = await call(t.app, c.apiKey, { method: 'GET', url: '/api/v1/metrics/overview' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-03-17T12:00:00.000Z',
      to: NOW,
      // p = .5, d = .25: NPS 25; var = .25 + .1875 + .25 = .6875; 1.96·√(.6875/4)·100 = 81.3
      nps: { value: 25, responses: 4, marginOfError: 81.3 },
      // p = .5: 1.96·√(.25/2)·100 = 69.3
      csat: { value: 50, responses: 2, marginOfError: 69.3 },
      // 2 and 4: mean 3, s = √2, 1.96·√2/√2 = 1.96 → 2.0
      ces: { value: 3, responses: 2, marginOfError: 2 },
    });
  });

  describe('refuses bad query parameters with 400 validation_failed', () => {
    it.each([
      ['an unknown metric', 'metric=eNPS', 'querystring.metric'],
      ['a missing metric', 'groupBy=month', 'querystring.metric'],
      ['an unknown grouping', 'metric=nps&groupBy=week', 'querystring.groupBy'],
      ['a date that does not exist', 'metric=nps&from=2026-02-30', 'querystring.from'],
      ['a time without a time zone', 'metric=nps&to=2026-02-01T10:00:00', 'querystring.to'],
      ['a word instead of a date', 'metric=nps&from=yesterday', 'querystring.from'],
      [
        'from equal to to',
        'metric=nps&from=2026-02-01&to=2026-02-01T00:00:00Z',
        'querystring.from',
      ],
      ['from after to', 'metric=nps&from=2026-03-01&to=2026-02-01', 'querystring.from'],
      ['from after the defaulted to (now)', 'metric=nps&from=2027-01-01', 'querystring.from'],
      [
        'a year beyond 9999 once in UTC',
        'metric=nps&from=2026-01-01&to=9999-12-31T23:00:00-05:00',
        'querystring.to',
      ],
    ])('%s', async (_name, query, param) => {
      const res = await get(a, query);
      expect(res.statusCode).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(param);
    });
  });
});
