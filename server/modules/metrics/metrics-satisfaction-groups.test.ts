// The satisfaction API on both dialects, over feedback rows written straight into the table so
// the expected numbers can be computed by hand (metrics.fixtures.ts). This file: the values
// per month, segment, stage, channel and client, the defaults, and the organisations kept apart.
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
import { NOW, seedSatisfaction } from './metrics.fixtures.ts';

describe.each(testDialects())('satisfaction metrics on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let retail: string;

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock(NOW) });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    ({ retail } = await seedSatisfaction(t, a.orgId, b.orgId));
  });
  afterAll(async () => t?.close());

  const get = (org: TestOrg, query: string) =>
    call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/metrics/satisfaction?${query}` });

  it('computes NPS by month with hand-checked values and margins of error', async () => {
    const res = await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&groupBy=month');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      metric: 'nps',
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
      groupBy: 'month',
      groups: [
        // p = .6, d = .2: NPS 40; var = .24 + .16 + .24 = .64; 1.96·√(.64/5)·100 = 70.1
        {
          key: '2026-01',
          value: 40,
          responses: 5,
          marginOfError: 70.1,
          promoters: 3,
          passives: 1,
          detractors: 1,
        },
        // p = d = .5: NPS 0; var = 1; 1.96·√(1/2)·100 = 138.6
        {
          key: '2026-02',
          value: 0,
          responses: 2,
          marginOfError: 138.6,
          promoters: 1,
          passives: 0,
          detractors: 1,
        },
      ],
    });
  });

  it('groups by client segment through the clients table, unset segments under "none"', async () => {
    const res = await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&groupBy=segment');
    const groups = res
      .json()
      .groups.map((g: { key: string; value: number; responses: number }) => [
        g.key,
        g.value,
        g.responses,
      ]);
    // none: 8 (unsegmented client) and 0 (no client) → 0 promoters, 1 detractor of 2 → −50.
    // retail: 10, 10, 9 → 100. wholesale: 9, 3 → 0.
    expect(groups).toEqual([
      ['none', -50, 2],
      ['retail', 100, 3],
      ['wholesale', 0, 2],
    ]);
  });

  it('groups by stage, channel and client', async () => {
    const keysAndCounts = async (groupBy: string) =>
      (await get(a, `metric=nps&from=2026-01-01&to=2026-03-01&groupBy=${groupBy}`))
        .json()
        .groups.map((g: { key: string; responses: number }) => [g.key, g.responses]);
    expect(await keysAndCounts('stage')).toEqual([
      ['delivery', 3],
      ['none', 2],
      ['sales', 2],
    ]);
    expect(await keysAndCounts('channel')).toEqual([
      ['api', 4],
      ['email', 1],
      ['survey', 2],
    ]);

    const byClient = (
      await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&groupBy=client')
    ).json().groups;
    const retailGroup = byClient.find((g: { key: string }) => g.key === retail);
    expect(retailGroup).toMatchObject({ label: 'Ромашка', responses: 3, value: 100 });
    expect(byClient.find((g: { key: string }) => g.key === 'none')).toMatchObject({
      responses: 1,
      value: -100,
    });
    expect(byClient.map((g: { key: string }) => g.key)).toEqual(
      [...byClient.map((g: { key: string }) => g.key)].sort(),
    );
  });

  it("narrows to one journey stage: the stage page's satisfaction layer", async () => {
    // delivery in A: 10, 10, 3 in January → 2 promoters, 1 detractor: (2 − 1) / 3 = 33.3;
    // B's three delivery detractors never count.
    const res = await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&stage=delivery');
    expect(res.json().groups).toMatchObject([
      { key: 'all', value: 33.3, responses: 3, promoters: 2, passives: 0, detractors: 1 },
    ]);
    const months = (
      await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&stage=delivery&groupBy=month')
    ).json().groups;
    expect(months.find((g: { key: string }) => g.key === '2026-01')).toMatchObject({
      responses: 3,
      value: 33.3,
    });
    const unknown = await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01&stage=нет');
    expect(unknown.json().groups).toMatchObject([{ key: 'all', value: null, responses: 0 }]);
  });

  it('gives one "all" group without groupBy, even when there are no answers', async () => {
    const all = (await get(a, 'metric=nps&from=2026-01-01&to=2026-03-01')).json();
    expect(all.groupBy).toBeNull();
    // p = 4/7, d = 2/7: NPS 28.57; var = 12/49 + 10/49 + 16/49 = 38/49; 1.96·√(38/343)·100 = 65.24
    expect(all.groups).toEqual([
      {
        key: 'all',
        value: 28.6,
        responses: 7,
        marginOfError: 65.2,
        promoters: 4,
        passives: 1,
        detractors: 2,
      },
    ]);
    const empty = (await get(a, 'metric=ces&from=2026-01-01&to=2026-03-01')).json();
    expect(empty.groups).toEqual([
      { key: 'all', value: null, responses: 0, marginOfError: null, easy: 0, easyShare: null },
    ]);
  });

  it('computes CSAT as the share of 4–5 with its mean', async () => {
    const res = await get(a, 'metric=csat&from=2026-01-01&to=2026-03-01');
    expect(res.json().groups).toEqual([
      { key: 'all', value: 0, responses: 1, marginOfError: null, satisfied: 0, mean: 1 },
    ]);
  });

  it('defaults to the twelve calendar months before the clock', async () => {
    const res = await get(a, 'metric=nps&groupBy=month');
    expect(res.json()).toMatchObject({ from: '2025-07-01T00:00:00.000Z', to: NOW });
    // Dec 2025, Jan, Feb and March 2026 all hold NPS answers of A.
    expect(res.json().groups.map((g: { key: string }) => g.key)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });

  it("never shows organisation B any of A's answers, nor A any of B's", async () => {
    const forB = (await get(b, 'metric=nps&from=2025-01-01&to=2027-01-01&groupBy=segment')).json();
    expect(forB.groups).toEqual([
      {
        key: 'retail',
        value: -100,
        responses: 3,
        marginOfError: 0,
        promoters: 0,
        passives: 0,
        detractors: 3,
      },
    ]);
    const byClient = (
      await get(b, 'metric=nps&from=2025-01-01&to=2027-01-01&groupBy=client')
    ).json();
    expect(JSON.stringify(byClient)).not.toContain(retail);
    const aJanuary = (await get(a, 'metric=nps&from=2026-01-01&to=2026-02-01')).json();
    expect(aJanuary.groups[0]).toMatchObject({ responses: 5, detractors: 1 });
  });
});
