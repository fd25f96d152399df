// The portfolio matrix against a hand-computed example, on both dialects (docs/portfolio.md).
// Five clients (portfolio.fixtures.ts), today 2026-11-15, percent rank = (mean rank of ties − 1)
// / (n − 1) × 100 among the clients that have the input.
//
// Attractiveness (weights 40 revenue, 25 margin rate, 20 growth, 15 strategic fit):
//   revenue 12m   A 1000  B 2000  C 3000  D 4000  E 5000  → A 0, B 25, C 50, D 75, E 100
//   margin rate   A .9    B .5    C .2    D .5    E .95   → C 0, B = D (ranks 2,3 → 37.5), A 75, E 100
//   growth        A 1.0   B −.5   C .5    D 3.0   E .25   → B 0, E 25, C 50, A 75, D 100
//   fit           A 60    B 20    C 40    D 80    E 100   → B 0, C 25, A 50, D 75, E 100
//   A = 0·.4 + 75·.25 + 75·.2 + 50·.15   = 18.75 + 15 + 7.5      = 41.25 → 41.3 medium
//   B = 25·.4 + 37.5·.25 + 0 + 0         = 10 + 9.375            = 19.375 → 19.4 low
//   C = 50·.4 + 0 + 50·.2 + 25·.15       = 20 + 10 + 3.75        = 33.75 → 33.8 medium
//   D = 75·.4 + 37.5·.25 + 100·.2 + 75·.15 = 30 + 9.375 + 20 + 11.25 = 70.625 → 70.6 high
//   E = 100·.4 + 100·.25 + 25·.2 + 100·.15 = 40 + 25 + 5 + 15    = 85 high
// Relationship (30 NPS of key contacts, 20 coverage, 20 tenure, 15 share of wallet, 15 payment):
//   key NPS  A: DM 10 (w 1; its older 2 is superseded), user 0 (w ½) → (1 − ½)/1.5 = 33.3;
//            B: DM 3 → −100; C: influencer 9, DM 8 → 1/2 = 50; D: none → absent;
//            E: DM 10, user 10 → 100.   n = 4: B 0, A 33.33, C 66.67, E 100
//   coverage A 50 (DM touched), B 0 (DM's answer is older than 6 months), C 100, D 50 (DM's
//            text is a touch), E 50 → B 0; A, D, E ranks 2,3,4 → 50; C 100
//   tenure   first sales A 2025-06-01, B 2025-01-05, C 2025-01-15, D 2025-03-01, E 2020-01-01
//            → A 0, D 25, C 50, B 75, E 100
//   wallet   A 1000/2000 = .5, B .2, C no budget → absent, D .8, E .1 → E 0, B 33.33, A 66.67, D 100
//   payment  A 1/1, B 1/2 (one late), C 1/1, D nothing due → absent, E 0/1 (unpaid)
//            → E 0, B 33.33, A and C (ranks 3,4 → 3.5) 83.33
//   A = 33.33·.3 + 50·.2 + 0 + 66.67·.15 + 83.33·.15 = 10 + 10 + 10 + 12.5 = 42.5 medium
//   B = 0 + 0 + 75·.2 + 33.33·.15 + 33.33·.15 = 15 + 5 + 5 = 25 low
//   C (wallet absent: the present weights sum to 85) = (30·66.67 + 20·100 + 20·50 + 15·83.33) / 85
//     = (2000 + 2000 + 1000 + 1250) / 85 = 73.53 → 73.5 high
//   D (NPS and payment absent: 55) = (20·50 + 20·25 + 15·100) / 55 = 3000 / 55 = 54.55 → 54.5 medium
//   E = 100·.3 + 50·.2 + 100·.2 + 0 + 0 = 30 + 10 + 20 = 60 medium
// With attractiveness weights 25/25/20/30 only C moves: 12.5 + 0 + 10 + 7.5 = 30 → low
// (A 48.75, B 15.6, D 70.6, E 85 keep their cells).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import {
  portfolioOut,
  type PortfolioOut,
  type WeightsPreviewOut,
} from '../../../shared/api/portfolio.ts';
import { seedFive, type Name } from './portfolio.fixtures.ts';

const EXPECTED: Record<Name, [number, number, string, string]> = {
  A: [41.3, 42.5, 'medium', 'medium'],
  B: [19.4, 25, 'low', 'low'],
  C: [33.8, 73.5, 'medium', 'high'],
  D: [70.6, 54.5, 'high', 'medium'],
  E: [85, 60, 'high', 'medium'],
};
const SHIFTED = {
  attractiveness: { revenue: 25, marginRate: 25, revenueGrowth: 20, strategicFit: 30 },
  relationship: { keyNps: 30, coverage: 20, tenure: 20, shareOfWallet: 15, paymentDiscipline: 15 },
};

describe.each(testDialects())('the portfolio on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let ids: Record<Name, string>;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id);

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Портфель');
    ids = await seedFive(t, org);
  });
  afterAll(async () => t?.close());

  it('scores and places the five clients as computed by hand, with each input in the breakdown', async () => {
    const res = await api('GET', '/api/v1/portfolio');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json() as PortfolioOut;
    // The route skips the zod encode: its answer must match the schema by itself.
    expect(portfolioOut.strict().parse(out)).toEqual(out);
    expect(out.asOf).toBe('2026-11-15');
    expect(out.total).toBe(5);
    const got = Object.fromEntries(
      out.clients.map((c) => [
        nameOf(c.clientId),
        [c.attractiveness, c.relationship, c.cell.attractiveness, c.cell.relationship],
      ]),
    );
    expect(got).toEqual(EXPECTED);
    // Ordered by attractiveness, highest first.
    expect(out.clients.map((c) => nameOf(c.clientId))).toEqual(['E', 'D', 'A', 'C', 'B']);

    const c = out.clients.find((x) => x.clientId === ids.C)!;
    const item = (axis: 'attractiveness' | 'relationship', input: string) =>
      c.breakdown[axis].find((i) => i.input === input)!;
    expect(item('attractiveness', 'revenue')).toEqual({
      input: 'revenue',
      raw: 3000,
      percentile: 50,
      weight: 40,
      effectiveWeight: 40,
      points: 20,
    });
    expect(item('attractiveness', 'marginRate')).toMatchObject({ raw: 0.2, percentile: 0 });
    // No budget: share of wallet is absent and its 15 go to the other four (85 present).
    expect(item('relationship', 'shareOfWallet')).toEqual({
      input: 'shareOfWallet',
      raw: null,
      percentile: null,
      weight: 15,
      effectiveWeight: 0,
      points: 0,
    });
    expect(item('relationship', 'keyNps')).toEqual({
      input: 'keyNps',
      raw: 50,
      percentile: 66.67,
      weight: 30,
      effectiveWeight: 35.29,
      points: 23.53,
    });
    expect(item('relationship', 'paymentDiscipline')).toMatchObject({ raw: 1, percentile: 83.33 });
    const a = out.clients.find((x) => x.clientId === ids.A)!;
    expect(a.breakdown.relationship.find((i) => i.input === 'keyNps')!.raw).toBeCloseTo(33.3333, 3);
    expect(a.breakdown.relationship.find((i) => i.input === 'coverage')).toMatchObject({
      raw: 50,
      percentile: 50,
    });
    expect(c.strategy.textEn).toMatch(/selectively/);
    expect(out.clients.find((x) => x.clientId === ids.E)!.strategy.textRu).toMatch(/углублять/);
  });

  it('counts clients and revenue per cell, all nine cells', async () => {
    const out = (await api('GET', '/api/v1/portfolio')).json() as PortfolioOut;
    expect(out.cells).toHaveLength(9);
    const filled = out.cells.filter((x) => x.clients > 0);
    expect(filled).toEqual([
      { attractiveness: 'low', relationship: 'low', clients: 1, revenue: 2000 },
      { attractiveness: 'medium', relationship: 'medium', clients: 1, revenue: 1000 },
      { attractiveness: 'medium', relationship: 'high', clients: 1, revenue: 3000 },
      { attractiveness: 'high', relationship: 'medium', clients: 2, revenue: 9000 },
    ]);
  });

  it('filters by segment and cell, and pages with a cursor', async () => {
    const retail = (await api('GET', '/api/v1/portfolio?segment=retail')).json() as PortfolioOut;
    expect(retail.clients.map((c) => nameOf(c.clientId))).toEqual(['A', 'C']);
    expect(retail.cells.reduce((s, x) => s + x.clients, 0)).toBe(2);
    const cell = (
      await api('GET', '/api/v1/portfolio?attractiveness=high&relationship=medium')
    ).json() as PortfolioOut;
    expect(cell.clients.map((c) => nameOf(c.clientId))).toEqual(['E', 'D']);
    expect(cell.total).toBe(2);
    const first = (await api('GET', '/api/v1/portfolio?limit=2')).json() as PortfolioOut;
    expect(first.clients.map((c) => nameOf(c.clientId))).toEqual(['E', 'D']);
    const second = (
      await api('GET', `/api/v1/portfolio?limit=2&cursor=${first.nextCursor}`)
    ).json() as PortfolioOut;
    expect(second.clients.map((c) => nameOf(c.clientId))).toEqual(['A', 'C']);
    const last = (
      await api('GET', `/api/v1/portfolio?limit=2&cursor=${second.nextCursor}`)
    ).json() as PortfolioOut;
    expect(last.clients.map((c) => nameOf(c.clientId))).toEqual(['B']);
    expect(last.nextCursor).toBeNull();
  });

  it('computes live as of a past day the same scores when nothing happened since', async () => {
    const live = (await api('GET', '/api/v1/portfolio?asOf=2026-11-14')).json() as PortfolioOut;
    expect(live.asOf).toBe('2026-11-14');
    expect(
      Object.fromEntries(live.clients.map((c) => [nameOf(c.clientId), c.cell.attractiveness])),
    ).toEqual({ A: 'medium', B: 'low', C: 'medium', D: 'high', E: 'high' });
  });

  it('previews a weight change: exactly C would move, and saving moves it', async () => {
    const preview = await api('POST', '/api/v1/portfolio/weights/preview', SHIFTED);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json() as WeightsPreviewOut;
    expect(p.changes).toBe(1);
    expect(p.clients).toEqual([
      {
        clientId: ids.C,
        name: 'Клиент C',
        from: { attractiveness: 'medium', relationship: 'high' },
        to: { attractiveness: 'low', relationship: 'high' },
      },
    ]);
    // The preview saved nothing.
    expect((await api('GET', '/api/v1/portfolio/weights')).json().isDefault).toBe(true);

    const saved = await api('PUT', '/api/v1/portfolio/weights', SHIFTED);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await api('GET', '/api/v1/portfolio/weights')).json()).toEqual({
      isDefault: false,
      weights: SHIFTED,
    });
    const out = (await api('GET', '/api/v1/portfolio')).json() as PortfolioOut;
    const c = out.clients.find((x) => x.clientId === ids.C)!;
    expect([c.attractiveness, c.cell.attractiveness]).toEqual([30, 'low']);
    const b = out.clients.find((x) => x.clientId === ids.B)!;
    expect(b.attractiveness).toBe(15.6);
    // Back to the defaults for the tests that follow.
    const back = {
      attractiveness: { revenue: 40, marginRate: 25, revenueGrowth: 20, strategicFit: 15 },
      relationship: SHIFTED.relationship,
    };
    expect((await api('PUT', '/api/v1/portfolio/weights', back)).statusCode).toBe(200);
  });

  it('refuses weights that are negative or do not sum to 100 with 422 invalid_weights', async () => {
    for (const bad of [
      { ...SHIFTED, attractiveness: { ...SHIFTED.attractiveness, revenue: 26 } },
      { ...SHIFTED, relationship: { ...SHIFTED.relationship, keyNps: 40, coverage: -10 } },
    ]) {
      for (const url of ['/api/v1/portfolio/weights', '/api/v1/portfolio/weights/preview']) {
        const res = await api(url.endsWith('preview') ? 'POST' : 'PUT', url, bad);
        expect(res.statusCode, res.body).toBe(422);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json().code).toBe('invalid_weights');
        expect(res.json().invalidParams.length).toBeGreaterThan(0);
      }
    }
    const unknown = await api('PUT', '/api/v1/portfolio/weights', {
      ...SHIFTED,
      relationship: { ...SHIFTED.relationship, charm: 0 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('validation_failed');
  });

  it('lets only admins see or change the weights', async () => {
    const key = await api('POST', '/api/v1/api-keys', { name: 'analyst', role: 'analyst' });
    const analyst = key.json().secret as string;
    const as = (method: 'GET' | 'PUT', url: string, payload?: object) =>
      call(t.app, analyst, { method, url, ...(payload ? { payload } : {}) });
    expect((await as('GET', '/api/v1/portfolio/weights')).statusCode).toBe(403);
    expect((await as('PUT', '/api/v1/portfolio/weights', SHIFTED)).statusCode).toBe(403);
    expect((await as('GET', '/api/v1/portfolio')).statusCode).toBe(200);
  });

  it('answers bad query parameters with 4xx problems', async () => {
    for (const q of [
      'asOf=2026-13-01',
      'asOf=2026-02-30',
      'asOf=yesterday',
      'asOf=2027-01-01',
      'cursor=nonsense',
    ]) {
      const res = await api('GET', `/api/v1/portfolio?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await api('GET', '/api/v1/portfolio?attractiveness=huge')).statusCode).toBe(400);
    const stranger = await api('GET', `/api/v1/portfolio?managerId=${ids.A}`);
    expect(stranger.statusCode).toBe(404);
  });

  it('serves the seed 001 strategies and saves an edited one', async () => {
    const list = (await api('GET', '/api/v1/portfolio/strategies')).json().strategies;
    expect(list).toHaveLength(9);
    expect(list[0]).toMatchObject({ attractiveness: 'low', relationship: 'low', isDefault: true });
    const put = await api('PUT', '/api/v1/portfolio/strategies/high/low', {
      textRu: 'Встреча с ЛПР раз в квартал',
      textEn: 'Meet the decision maker every quarter',
    });
    expect(put.statusCode, put.body).toBe(200);
    const again = (await api('GET', '/api/v1/portfolio/strategies')).json().strategies;
    expect(again.find((s: any) => s.attractiveness === 'high' && s.relationship === 'low')).toEqual(
      {
        attractiveness: 'high',
        relationship: 'low',
        textRu: 'Встреча с ЛПР раз в квартал',
        textEn: 'Meet the decision maker every quarter',
        isDefault: false,
      },
    );
    expect((await api('PUT', '/api/v1/portfolio/strategies/top/low', put.json())).statusCode).toBe(
      400,
    );
    const empty = await api('PUT', '/api/v1/portfolio/strategies/low/low', {
      textRu: ' ',
      textEn: 'x',
    });
    expect(empty.statusCode).toBe(400);
  });
});
