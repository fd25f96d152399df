// Issue 18, Done-when: a KPI bound to a live metric shows the same value as the metric's own
// endpoint, on both dialects, after new data arrives. Fixed clock 2026-12-10, organisation in
// Europe/Moscow (UTC+3): the KPIs read the last closed month, November in Moscow =
// [2026-10-31T21:00Z, 2026-11-30T21:00Z).
//
// Hand-computed example. NPS answers of stage «delivery»:
//   2026-10-31T22:00Z (1 Nov 01:00 MSK) 10 — inside November in Moscow (outside in UTC)
//   2026-11-05 9, 2026-11-12 6, 2026-11-20 8
//   2026-11-30T21:30Z (1 Dec 00:30 MSK) 0 — December in Moscow (November in UTC)
//   stage «support» 2026-11-10 0 — another stage
// → promoters 2 (10, 9), passives 1 (8), detractors 1 (6), n = 4: NPS = (2 − 1) / 4 × 100 = 25.
// Revenue of November: sales 1000 + 2500 − refund 500 = 3000 (a sale of 2026-12-02 is December's).
// New data: a detractor (0) on 2026-11-15 → promoters 2, detractors 2, n = 5: NPS = 0;
// a sale of 700 on 2026-11-20 → revenue 3700.
// Status (scorecard rule, amber band 10 % of the target): NPS target 27 up: 25 is 2 short ≤ 2.7
// → amber; 0 → red. Revenue target 3000 up: 3000 → green, 3700 → green.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

describe.each(testDialects())('strategy KPIs bound to live metrics on %s', (dialect) => {
  let t: TestApp;
  let api: (method: string, url: string, payload?: object) => Promise<any>;
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-10T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    api = async (method, url, payload) =>
      call(t.app, org.apiKey, { method: method as 'GET', url, ...(payload ? { payload } : {}) });
    expect((await api('PATCH', '/api/v1/org', { timeZone: 'Europe/Moscow' })).statusCode).toBe(200);
    for (const key of ['delivery', 'support'])
      expect((await api('POST', '/api/v1/stages', { key })).statusCode).toBe(201);
    clientId = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json().id;
  });
  afterAll(async () => t?.close());

  const answer = async (stage: string, value: number, receivedAt: string) => {
    const res = await api('POST', '/api/v1/feedback', {
      clientId,
      stage,
      receivedAt,
      score: { type: 'nps', value },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  let doc = 0;
  const transaction = async (kind: 'sale' | 'refund', date: string, amount: number) => {
    doc += 1;
    const res = await api('POST', '/api/v1/transactions', {
      externalId: `doc-${doc}`,
      clientId,
      kind,
      date,
      amount,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };

  /** The metric's own endpoints for the KPI's window. */
  const npsOf = async (w: { from: string; to: string }) => {
    const q = `metric=nps&stage=delivery&from=${w.from}&to=${w.to}`;
    const res = await api('GET', `/api/v1/metrics/satisfaction?${q}`);
    expect(res.statusCode).toBe(200);
    return res.json().groups[0].value as number;
  };
  const revenueOf = async (w: { period: string; fromDate: string; toDate: string }) => {
    const q = `period=${w.period}&from=${w.fromDate}&to=${w.toDate}`;
    const res = await api('GET', `/api/v1/economics/summary?${q}`);
    expect(res.statusCode).toBe(200);
    return res.json().revenue as number;
  };

  it('shows the endpoint’s figure, and moves with it when new feedback and sales arrive', async () => {
    await answer('delivery', 10, '2026-10-31T22:00:00.000Z');
    await answer('delivery', 9, '2026-11-05T10:00:00.000Z');
    await answer('delivery', 6, '2026-11-12T10:00:00.000Z');
    await answer('delivery', 8, '2026-11-20T10:00:00.000Z');
    await answer('delivery', 0, '2026-11-30T21:30:00.000Z');
    await answer('support', 0, '2026-11-10T10:00:00.000Z');
    await transaction('sale', '2026-11-03', 1000);
    await transaction('sale', '2026-11-18', 2500);
    await transaction('refund', '2026-11-25', 500);
    await transaction('sale', '2026-12-02', 9000);

    const goal = (
      await api('POST', '/api/v1/strategy/goals', { perspective: 'financial', title: 'Рост' })
    ).json();
    const nps = await api('POST', `/api/v1/strategy/goals/${goal.id}/kpis`, {
      name: 'NPS доставки',
      target: 27,
      direction: 'up',
      binding: { metric: 'satisfaction.nps', params: { stage: 'delivery' } },
    });
    expect(nps.statusCode, nps.body).toBe(201);
    const revenue = await api('POST', `/api/v1/strategy/goals/${goal.id}/kpis`, {
      name: 'Выручка',
      unit: '₽',
      target: 3000,
      direction: 'up',
      binding: { metric: 'economics.revenue', params: { window: 'last_month' } },
    });
    expect(revenue.statusCode, revenue.body).toBe(201);
    const [npsKpi, revenueKpi] = [nps.json(), revenue.json()];
    expect(npsKpi.binding).toEqual({
      metric: 'satisfaction.nps',
      params: { stage: 'delivery', window: 'last_month' },
    });
    expect(npsKpi.current.window).toEqual({
      period: 'month',
      label: '2026-11',
      fromDate: '2026-11-01',
      toDate: '2026-12-01',
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-30T21:00:00.000Z',
    });

    const read = async () => {
      const map = (await api('GET', '/api/v1/strategy/map')).json();
      const kpis = map.goals.flatMap((g: { kpis: any[] }) => g.kpis);
      return {
        nps: kpis.find((k: { id: string }) => k.id === npsKpi.id),
        revenue: kpis.find((k: { id: string }) => k.id === revenueKpi.id),
      };
    };
    const before = await read();
    expect(before.nps.current.value).toBe(25);
    expect(before.nps.current.value).toBe(await npsOf(before.nps.current.window));
    expect(before.nps.status).toBe('amber');
    expect(before.revenue.current.value).toBe(3000);
    expect(before.revenue.current.value).toBe(await revenueOf(before.revenue.current.window));
    expect(before.revenue.status).toBe('green');

    await answer('delivery', 0, '2026-11-15T10:00:00.000Z');
    await transaction('sale', '2026-11-20', 700);

    const after = await read();
    expect(after.nps.current.value).toBe(0);
    expect(after.nps.current.value).toBe(await npsOf(after.nps.current.window));
    expect(after.nps.status).toBe('red');
    expect(after.revenue.current.value).toBe(3700);
    expect(after.revenue.current.value).toBe(await revenueOf(after.revenue.current.window));
    // Both moved exactly as their endpoints did.
    expect(after.nps.current.value - before.nps.current.value).toBe(-25);
    expect(after.revenue.current.value - before.revenue.current.value).toBe(700);
    // One KPI read alone answers the same.
    const one = (await api('GET', `/api/v1/strategy/kpis/${npsKpi.id}`)).json();
    expect(one.current.value).toBe(0);
  });

  it('matches the scorecard, the employee layer and the portfolio for the same window', async () => {
    const goal = (
      await api('POST', '/api/v1/strategy/goals', { perspective: 'clients', title: 'Лояльность' })
    ).json();
    const bind = async (metric: string, params: object) => {
      const res = await api('POST', `/api/v1/strategy/goals/${goal.id}/kpis`, {
        name: metric,
        direction: 'up',
        binding: { metric, params },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const card = await bind('scorecard.metric', { stage: 'delivery', metric: 'nps' });
    const w = card.current.window;
    const layers = (
      await api(
        'GET',
        `/api/v1/scorecard?stage=delivery&period=month&from=${w.fromDate}&to=${w.toDate}`,
      )
    ).json().stages[0].layers;
    expect(card.current.value).toBe(
      layers.satisfaction.find((m: { metric: string }) => m.metric === 'nps').value,
    );
    expect(card.current.value).toBe(0);
    const retention = await bind('scorecard.retention', { stage: 'delivery' });
    expect(retention.current.value).toBe(
      layers.transactional.find((m: { metric: string }) => m.metric === 'retention').value,
    );

    const enps = await bind('pulse.enps', { stage: 'delivery', window: 'current_quarter' });
    expect(enps.current.window).toMatchObject({ period: 'quarter', label: '2026-Q4' });
    const employees = (
      await api(
        'GET',
        '/api/v1/scorecard/employees?stage=delivery&period=quarter&from=2026-10-01&to=2027-01-01',
      )
    ).json();
    expect(enps.current.value).toBe(employees.items[0]?.enps ?? null);

    const cell = await bind('portfolio.cell_clients', {
      attractiveness: 'high',
      relationship: 'low',
    });
    const share = await bind('portfolio.cell_share', {
      attractiveness: 'high',
      relationship: 'low',
    });
    const portfolio = (await api('GET', '/api/v1/portfolio')).json();
    const c = portfolio.cells.find(
      (x: { attractiveness: string; relationship: string }) =>
        x.attractiveness === 'high' && x.relationship === 'low',
    );
    expect(cell.current).toMatchObject({ value: c.clients, window: null });
    const total = portfolio.cells.reduce((s: number, x: { clients: number }) => s + x.clients, 0);
    expect(share.current.value).toBe(Math.round((c.clients / total) * 10_000) / 10_000);
  });
});
