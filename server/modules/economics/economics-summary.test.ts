// The economics summary through HTTP on both dialects, against an example computed by hand, and
// marketing spend. W = [2026-01-01, 2026-04-01), months. Clients (amounts in roubles):
//   Альфа (retail, managed by the admin): sale 2025-06-10 1000/cost 600 (before W, so not new);
//     idle Jul–Dec; sale 2026-01-15 2000/1200 due 01-25 paid 01-20 (on time); idle Feb;
//     sale 2026-03-10 3000/1000 due 03-20 paid 03-25 (5 days late); refund 2026-03-12 500/200.
//   Бета (wholesale): first sale ever 2026-02-05 1500 without cost, due 02-15, never paid.
//   Гамма: no sales, one feedback record on 2026-02-10 (active, not paying).
//   Дельта (retail): one sale 2025-03-10 800/500, nothing since (churned).
// Spend: 2026-02 3000 (no channel) + 1000 (yandex); 2026-03 0; January none.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { nextDoc, transactionsApi } from '../../../tests/support/transactions.ts';

describe.each(testDialects())('economics summary on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let api: ReturnType<typeof transactionsApi>;
  let managerId: string;
  const get = (url: string, key = org.apiKey) => call(t.app, key, { method: 'GET', url });
  const put = (url: string, payload: object, key = org.apiKey) =>
    call(t.app, key, { method: 'PUT', url, payload });
  const summary = (query = '', key?: string) =>
    get(`/api/v1/economics/summary?from=2026-01-01&to=2026-04-01${query}`, key);

  async function client(name: string, extra: object = {}) {
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/clients',
      payload: { name, externalId: `crm-${nextDoc()}`, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function tx(clientId: string, kind: string, date: string, amount: number, more = {}) {
    const res = await api.upsert({ externalId: nextDoc(), clientId, kind, date, amount, ...more });
    expect(res.statusCode, res.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    api = transactionsApi(t, () => org);
  });
  beforeEach(async () => {
    org = await createTestOrg(t.deps, 'Ромашка');
    managerId = (await get('/api/v1/users')).json().items[0].id;
    const alfa = await client('Альфа', { segment: 'retail', managerId });
    const beta = await client('Бета', { segment: 'wholesale' });
    const gamma = await client('Гамма');
    const delta = await client('Дельта', { segment: 'retail' });
    await tx(alfa, 'sale', '2025-06-10', 1000, { cost: 600 });
    await tx(alfa, 'sale', '2026-01-15', 2000, {
      cost: 1200,
      dueDate: '2026-01-25',
      paidAt: '2026-01-20',
    });
    await tx(alfa, 'sale', '2026-03-10', 3000, {
      cost: 1000,
      dueDate: '2026-03-20',
      paidAt: '2026-03-25',
    });
    await tx(alfa, 'refund', '2026-03-12', 500, { cost: 200 });
    await tx(beta, 'sale', '2026-02-05', 1500, { dueDate: '2026-02-15' });
    await tx(delta, 'sale', '2025-03-10', 800, { cost: 500 });
    const fb = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { clientId: gamma, text: 'Всё хорошо', receivedAt: '2026-02-10T12:00:00Z' },
    });
    expect(fb.statusCode, fb.body).toBeLessThan(300);
    for (const [period, payload] of [
      ['2026-02', { amount: 3000 }],
      ['2026-02', { amount: 1000, channel: 'yandex' }],
      ['2026-03', { amount: 0 }],
    ] as const) {
      const res = await put(`/api/v1/marketing-spend/${period}`, payload);
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it('computes the window as worked out by hand', async () => {
    const res = await summary();
    expect(res.statusCode, res.body).toBe(200);
    const { series, ...whole } = res.json();
    expect(whole).toEqual({
      revenue: 6000, // 2000 + 1500 + 3000 − 500 (refund)
      margin: 4000, // 6000 − (1200 + 0 + 1000 − 200)
      costCoverage: 5000 / 6500, // Бета's 1500 has no cost: (2000 + 3000) / (2000 + 1500 + 3000)
      payingClients: 2, // Альфа, Бета
      activeClients: 3, // + Гамма (feedback only)
      purchases: 3,
      q: 1.5, // 3 / 2
      appn: 2000, // 6000 / 3
      arppu: 3000, // 6000 / 2
      arpu: 2000, // 6000 / 3 active
      newClients: 1, // Бета; Альфа bought in 2025
      cac: 4000, // (3000 + 1000 + 0) / 1
      profit: 0, // 4000 − 4000
      onTimeShare: 1 / 3, // due in W: 01-25 paid 01-20 ✓, 02-15 unpaid ✗, 03-20 paid 03-25 ✗
      meanDaysLate: 25, // (45 [02-15 → 04-01, unpaid] + 5 [03-20 → 03-25]) / 2
      churnedClients: 1, // Дельта: 12 idle months after 2025-03 > 2 (one paying period → 2)
    });
    expect(series.map((s: { period: string }) => s.period)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(series[0]).toEqual({
      period: '2026-01',
      ...{ revenue: 2000, margin: 800, costCoverage: 1, payingClients: 1, activeClients: 1 },
      ...{ purchases: 1, q: 1, appn: 2000, arppu: 2000, arpu: 2000, newClients: 0 },
      cac: null, // no spend entered for January, no new client
      profit: 800, // 800 − 0
      ...{ onTimeShare: 1, meanDaysLate: null, churnedClients: 1 },
    });
    expect(series[1]).toEqual({
      period: '2026-02',
      ...{ revenue: 1500, margin: 1500, costCoverage: 0, payingClients: 1 },
      activeClients: 2, // Бета (sale), Гамма (feedback)
      ...{ purchases: 1, q: 1, appn: 1500, arppu: 1500 },
      arpu: 750, // 1500 / 2
      newClients: 1,
      cac: 4000, // (3000 + 1000) / 1
      profit: -2500, // 1500 − 4000
      onTimeShare: 0, // 02-15 unpaid
      meanDaysLate: 14, // 02-15 → 03-01, the end of February
      churnedClients: 1,
    });
    expect(series[2]).toEqual({
      period: '2026-03',
      revenue: 2500, // 3000 − 500
      margin: 1700, // 2500 − (1000 − 200)
      ...{ costCoverage: 1, payingClients: 1, activeClients: 1, purchases: 1, q: 1 },
      ...{ appn: 2500, arppu: 2500, arpu: 2500, newClients: 0 },
      cac: null, // spend 0
      profit: 1700,
      ...{ onTimeShare: 0, meanDaysLate: 5, churnedClients: 1 },
    });
  });

  it('narrows to a segment or a manager; spend is not attributed then', async () => {
    const retail = (await summary('&segment=retail')).json();
    expect(retail).toMatchObject({
      revenue: 4500, // Альфа: 2000 + 3000 − 500
      margin: 2500, // 4500 − (1200 + 1000 − 200)
      ...{ payingClients: 1, activeClients: 1, purchases: 2, q: 2, appn: 2250, arppu: 4500 },
      ...{ newClients: 0, cac: null, profit: null },
      onTimeShare: 0.5, // 01-25 ✓, 03-20 ✗
      meanDaysLate: 5,
      churnedClients: 1, // Дельта is retail
    });
    const managed = (await summary(`&managerId=${managerId}`)).json();
    expect(managed).toMatchObject({ revenue: 4500, payingClients: 1, churnedClients: 0 });
    expect((await summary('&segment=nobody')).json()).toMatchObject({
      ...{ revenue: 0, payingClients: 0, q: null, appn: null, arpu: null, costCoverage: null },
    });
  });

  it('sums quarters and years over the same rows', async () => {
    const q = await get('/api/v1/economics/summary?from=2025-01-01&to=2026-07-01&period=quarter');
    const body = q.json();
    expect(body.series.map((s: { period: string }) => s.period)).toEqual([
      ...['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'],
    ]);
    expect(body.series[4]).toMatchObject({ revenue: 6000, margin: 4000, newClients: 1 });
    // 2025-Q1: Дельта's 800 is its first sale; 2025-Q2: Альфа's 1000.
    expect(body.series[0]).toMatchObject({ revenue: 800, newClients: 1, churnedClients: 0 });
    expect(body).toMatchObject({ revenue: 7800, newClients: 3, purchases: 5 });
    const y = await get('/api/v1/economics/summary?from=2026-01-01&to=2027-01-01&period=year');
    expect(y.json().series).toHaveLength(1);
    expect(y.json()).toMatchObject({ revenue: 6000, profit: 0 });
  });

  it("counts the spend of the window's first month", async () => {
    // January gets 500: spend for W = 500 + 3000 + 1000 + 0 = 4500; CAC 4500 / 1 new client;
    // profit 4000 − 4500 = −500. January alone: spend 500, no new client → CAC null, profit
    // = January's margin 800 (2000 − 1200) − 500 = 300.
    expect((await put('/api/v1/marketing-spend/2026-01', { amount: 500 })).statusCode).toBe(200);
    expect((await summary()).json()).toMatchObject({ cac: 4500, profit: -500 });
    const january = await get('/api/v1/economics/summary?from=2026-01-01&to=2026-02-01');
    expect(january.json()).toMatchObject({ cac: null, profit: 300 });
  });

  it('lists and replaces marketing spend by month and channel', async () => {
    const again = await put('/api/v1/marketing-spend/2026-02', { amount: 3500.5 });
    expect(again.json()).toMatchObject({ period: '2026-02', channel: '', amount: 3500.5 });
    const list = await get('/api/v1/marketing-spend?from=2026-02&to=2026-03');
    expect(list.json().items.map((s: { channel: string; amount: number }) => s)).toMatchObject([
      { period: '2026-02', channel: '', amount: 3500.5 },
      { period: '2026-02', channel: 'yandex', amount: 1000 },
    ]);
    expect((await get('/api/v1/marketing-spend')).json().items).toHaveLength(3);
  });

  it('refuses bad windows, periods and amounts', async () => {
    const bad = async (url: string, status: number, param?: string) => {
      const res = await get(url);
      expect(res.statusCode, url).toBe(status);
      if (param)
        expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(param);
    };
    const s = '/api/v1/economics/summary';
    await bad(s, 400);
    await bad(`${s}?from=2026-01-01`, 400);
    await bad(`${s}?from=2026-01-15&to=2026-04-01`, 400, 'query.from');
    await bad(`${s}?from=2026-01-01&to=2026-02-30`, 400, 'query.to');
    await bad(`${s}?from=2026-02-01&to=2026-04-01&period=quarter`, 400, 'query.from');
    await bad(`${s}?from=2026-04-01&to=2026-01-01`, 400, 'query.to');
    await bad(`${s}?from=2026-01-01&to=2026-01-01`, 400, 'query.to');
    await bad(`${s}?from=2000-01-01&to=2026-01-01`, 400, 'query.to');
    await bad(`${s}?from=2026-01-01&to=2026-04-01&period=week`, 400);
    await bad(`${s}?from=01.01.2026&to=2026-04-01`, 400);
    await bad(`${s}?from=2026-01-01&to=2026-04-01&managerId=nope`, 400);
    const m = await put('/api/v1/marketing-spend/2026-13', { amount: 1 });
    expect(m.statusCode).toBe(400);
    for (const amount of [-1, 0.001]) {
      const res = await put('/api/v1/marketing-spend/2026-01', { amount });
      expect(res.statusCode).toBe(422);
      expect(res.json().invalidParams[0].name).toBe('body.amount');
    }
  });

  it("never shows organisation B A's figures or spend", async () => {
    const other = await createTestOrg(t.deps, 'Лютик');
    const res = await summary('', other.apiKey);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revenue: 0, payingClients: 0, churnedClients: 0 });
    expect(res.json()).toMatchObject({ activeClients: 0, cac: null, profit: 0 });
    expect((await get('/api/v1/marketing-spend', other.apiKey)).json().items).toEqual([]);
    const foreign = await summary(`&managerId=${managerId}`, other.apiKey);
    expect(foreign.statusCode).toBe(404);
    await put('/api/v1/marketing-spend/2026-02', { amount: 1 }, other.apiKey);
    expect((await summary()).json().cac).toBe(4000);
  });
});
