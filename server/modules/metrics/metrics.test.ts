// The satisfaction API on both dialects, over feedback rows written straight into the table so
// the expected numbers can be computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import type { ScoreType } from '../../db/types.ts';
import { fixedClock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';

const NOW = '2026-06-15T12:00:00.000Z';

interface Row {
  at: string;
  type: ScoreType | null;
  score: number | null;
  stage?: string;
  channel?: 'api' | 'survey' | 'email';
  clientId?: string;
}

let refSeq = 0;
async function insertFeedback(t: TestApp, orgId: string, rows: Row[]): Promise<void> {
  await t.deps.db
    .insertInto('feedback')
    .values(
      rows.map((r) => ({
        id: newId(),
        org_id: orgId,
        public_ref: `M-${++refSeq}-${Date.now()}`,
        ref_key: `M-${refSeq}-${Date.now()}`,
        channel: r.channel ?? 'api',
        client_id: r.clientId ?? null,
        stage: r.stage ?? null,
        score_type: r.type,
        score_value: r.score,
        text: r.score === null ? 'just words' : null,
        topics: '[]',
        received_at: r.at,
        created_at: r.at,
      })),
    )
    .execute();
}

async function insertClient(
  t: TestApp,
  orgId: string,
  name: string,
  segment: string | null,
): Promise<string> {
  const id = newId();
  await t.deps.db
    .insertInto('clients')
    .values({
      id,
      org_id: orgId,
      name,
      kind: 'company',
      external_id: null,
      segment,
      search_text: name.toLowerCase(),
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  return id;
}

const nps = (at: string, ...scores: number[]): Row[] =>
  scores.map((score) => ({ at, type: 'nps', score }));

describe.each(testDialects())('satisfaction metrics on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let retail: string;
  let wholesale: string;
  let unsegmented: string;

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock(NOW) });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
    retail = await insertClient(t, a.orgId, 'Ромашка', 'retail');
    wholesale = await insertClient(t, a.orgId, 'Опт-Торг', 'wholesale');
    unsegmented = await insertClient(t, a.orgId, 'Без сегмента', null);
    const bRetail = await insertClient(t, b.orgId, 'Beta retail', 'retail');

    await insertFeedback(t, a.orgId, [
      // January: 10, 10, 9 | 8 | 3 → 3 promoters, 1 passive, 1 detractor; the last at 23:30 UTC
      // must stay in January whatever the database session's time zone.
      {
        at: '2026-01-05T10:00:00.000Z',
        type: 'nps',
        score: 10,
        clientId: retail,
        stage: 'delivery',
      },
      {
        at: '2026-01-10T10:00:00.000Z',
        type: 'nps',
        score: 10,
        clientId: retail,
        stage: 'delivery',
        channel: 'survey',
      },
      {
        at: '2026-01-20T10:00:00.000Z',
        type: 'nps',
        score: 9,
        clientId: wholesale,
        stage: 'sales',
        channel: 'survey',
      },
      { at: '2026-01-25T10:00:00.000Z', type: 'nps', score: 8, clientId: unsegmented },
      {
        at: '2026-01-31T23:30:00.000Z',
        type: 'nps',
        score: 3,
        clientId: wholesale,
        stage: 'delivery',
        channel: 'email',
      },
      // February: 9 and 0, the 0 in the last millisecond of the month.
      { at: '2026-02-03T08:00:00.000Z', type: 'nps', score: 9, clientId: retail, stage: 'sales' },
      { at: '2026-02-28T23:59:59.999Z', type: 'nps', score: 0 },
      // Not NPS, no score, or outside the window: never counted in the NPS report below.
      { at: '2026-01-15T10:00:00.000Z', type: 'csat', score: 1 },
      { at: '2026-01-16T10:00:00.000Z', type: null, score: null },
      { at: '2026-03-01T00:00:00.000Z', type: 'nps', score: 0 },
      { at: '2025-12-31T23:59:59.999Z', type: 'nps', score: 0 },
    ]);
    // Organisation B: three detractors in January, at a client whose segment A also uses.
    await insertFeedback(
      t,
      b.orgId,
      nps('2026-01-12T10:00:00.000Z', 0, 1, 2).map((r) => ({
        ...r,
        clientId: bRetail,
        stage: 'delivery',
      })),
    );
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
