// Key drivers on planted truth, on both dialects (issue 16, Done when): over 24 months the NPS of
// «доставка» rises and falls with its on-time delivery KPI and with nothing else; at «склад»
// NPS and every KPI are independent noise. The drivers endpoint must rank on-time delivery first
// at «доставка» with p < 0.01, and find no significant driver at «склад». The data come from a
// fixed-seed generator, so the test is deterministic. Only promoters and passives answer: no
// detractor opens a case, so the case metrics stay out of the picture. In the last month on-time
// delivery falls below its range; with a churn history (September's payers of a third stage) and
// October's revenue, the arbiter must rank «доставка» first by revenue at risk, strictly ahead of
// «склад», with the planted driver as its evidence.
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
import type { ArbiterOut, DriversOut } from '../../../shared/api/arbiter.ts';

/** mulberry32: a small deterministic generator (the data, not the statistics). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const m = 2024 * 12 + 10 + i; // 2024-11 … 2026-10
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

describe.each(testDialects())('key drivers on planted data on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    for (const key of ['доставка', 'склад'])
      expect((await api('POST', '/api/v1/stages', { key })).statusCode).toBe(201);
    for (const key of ['on_time_delivery', 'packaging', 'picking_speed'])
      expect(
        (await api('PUT', `/api/v1/kpis/${key}`, { name: key, direction: 'up' })).statusCode,
      ).toBe(201);
    // The stages' clients: the same 20 answer at both stages every month.
    const clientIds: string[] = [];
    for (let k = 0; k < 20; k += 1) {
      const res = await api('POST', '/api/v1/clients', { name: `ООО Клиент ${k}` });
      expect(res.statusCode, res.body).toBe(201);
      clientIds.push(res.json().id);
    }
    const rnd = random(20261203);
    const values: object[] = [];
    const items: object[] = [];
    MONTHS.forEach((month, i) => {
      const drawn = 80 + 15 * rnd();
      // The planted fall: in the arbiter's window (the last month) on-time delivery drops below
      // anything drawn before, so «доставка» has no promoter left. (At the bottom of the drawn
      // range it would tie with «склад», whose noise also gives 4 promoters that month.)
      const onTime = i === MONTHS.length - 1 ? 75 : drawn;
      const noise = { packaging: 60 + 30 * rnd(), picking: 5 + 10 * rnd(), other: rnd() };
      // «доставка»: 20 answers a month, promoters 4…16 following on-time delivery (0 at 75 %).
      const promoters = Math.round(4 + (12 * (onTime - 80)) / 15);
      // «склад»: promoters drawn independently.
      const promotersWarehouse = 4 + Math.floor(13 * noise.other);
      for (const [stage, kpis, count] of [
        [
          'доставка',
          { on_time_delivery: onTime, packaging: noise.packaging, picking_speed: 10 },
          promoters,
        ],
        [
          'склад',
          {
            on_time_delivery: 80 + 15 * rnd(),
            packaging: 60 + 30 * rnd(),
            picking_speed: noise.picking,
          },
          promotersWarehouse,
        ],
      ] as const) {
        for (const [kpi, value] of Object.entries(kpis))
          values.push({ kpi, stage, period: month, value: Math.round(value * 100) / 100 });
        for (let k = 0; k < 20; k += 1)
          items.push({
            clientId: clientIds[k],
            stage,
            score: { type: 'nps', value: k < count ? 9 + (k % 2) : 7 + (k % 2) },
            receivedAt: `${month}-${String(2 + (k % 25)).padStart(2, '0')}T10:00:00Z`,
          });
      }
    });
    for (const kpi of ['on_time_delivery', 'packaging', 'picking_speed']) {
      const res = await api('PUT', `/api/v1/kpis/${kpi}/values`, {
        values: values
          .filter((v) => (v as { kpi: string }).kpi === kpi)
          .map(({ kpi: _k, ...v }: any) => v),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (let i = 0; i < items.length; i += 500) {
      const res = await api('POST', '/api/v1/feedback/batch', { items: items.slice(i, i + 500) });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
    await plantMoney(clientIds);
  });

  /**
   * The money the arbiter weighs: the churn history is September's payers (30 clients who
   * answered about «оплата», 10 per NPS group) and which of them bought again in October; the
   * stages' 20 clients each pay 1 000 in October. Sales carry no stage, so no stage's money
   * layer gains a driver.
   */
  async function plantMoney(stageClients: readonly string[]) {
    expect((await api('POST', '/api/v1/stages', { key: 'оплата' })).statusCode).toBe(201);
    let doc = 0;
    const sale = async (clientId: string, date: string, amount: number) => {
      const res = await api('POST', '/api/v1/transactions', {
        clientId,
        externalId: `doc-${(doc += 1)}`,
        kind: 'sale',
        date,
        amount,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    const again = { promoter: 9, passive: 7, detractor: 4 };
    for (const [group, score] of [
      ['promoter', 10],
      ['passive', 8],
      ['detractor', 3],
    ] as const)
      for (let i = 0; i < 10; i += 1) {
        const res = await api('POST', '/api/v1/clients', { name: `ООО История ${group} ${i}` });
        const id: string = res.json().id;
        await sale(id, '2026-09-10', 1000);
        const answer = await api('POST', '/api/v1/feedback', {
          clientId: id,
          stage: 'оплата',
          score: { type: 'nps', value: score },
          receivedAt: '2026-09-12T10:00:00Z',
        });
        expect(answer.statusCode, answer.body).toBe(201);
        if (i < again[group]) await sale(id, '2026-10-10', 500);
      }
    for (const id of stageClients) await sale(id, '2026-10-10', 1000);
  }
  afterAll(async () => t?.close());

  async function drivers(stage: string, target = 'nps'): Promise<DriversOut> {
    const q = new URLSearchParams({ stage, target });
    const res = await api('GET', `/api/v1/scorecard/drivers?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('ranks on-time delivery first at «доставка», significant at p < 0.01', async () => {
    const d = await drivers('доставка');
    expect(d.periods).toBe(24);
    expect(d.from).toBe('2024-11-01');
    expect(d.to).toBe('2026-11-01');
    const first = d.drivers[0]!;
    expect(first.metric).toBe('kpi:on_time_delivery');
    expect(first).toMatchObject({ status: 'ranked', n: 24, significant: true });
    expect(first.p!).toBeLessThan(0.01);
    expect(first.r!).toBeGreaterThan(0.9);
    expect(first.importance!).toBeGreaterThan(0.8);
    // Nothing else matters: the noise KPI is not significant, the constant one cannot be tested.
    const packaging = d.drivers.find((x) => x.metric === 'kpi:packaging')!;
    expect(packaging.significant).toBe(false);
    expect(d.drivers.find((x) => x.metric === 'kpi:picking_speed')).toMatchObject({
      status: 'not_enough_data',
      r: null,
    });
    // No pulse answers: eNPS has no points and is never ranked.
    expect(d.drivers.find((x) => x.metric === 'enps')).toMatchObject({
      status: 'not_enough_data',
      n: 0,
      importance: null,
    });
    expect(d.scatter?.metric).toBe('kpi:on_time_delivery');
    expect(d.scatter?.points).toHaveLength(24);
  });

  it('finds no significant driver at «склад», where nothing is related', async () => {
    const d = await drivers('склад');
    expect(d.anySignificant).toBe(false);
    expect(d.drivers.filter((x) => x.significant)).toEqual([]);
    expect(d.drivers.filter((x) => x.status === 'ranked').length).toBeGreaterThan(0);
  });

  it('the arbiter ranks «доставка» first: its fall put the most revenue at risk', async () => {
    // On demand, as the CX lead's button does (the worker calls the same refresh).
    const res = await api('POST', '/api/v1/arbiter/refresh');
    expect(res.statusCode, res.body).toBe(200);
    const a: ArbiterOut = res.json();
    expect([a.from, a.to]).toEqual(['2026-10-01', '2026-11-01']);
    expect(a.churnByGroup).toEqual({ promoter: 0.1, passive: 0.3, detractor: 0.6, none: 0 });
    const [delivery, warehouse, payment] = a.stages;
    // 20 passives of 20 clients paying 1 000: 20 × 1 000 × 0.3; «склад» kept 4 promoters.
    expect(delivery).toMatchObject({
      stage: 'доставка',
      rank: 1,
      riskMethod: 'churn_history',
      clients: 20,
      revenue: 20000,
      revenueAtRisk: 6000,
    });
    // Strictly ahead, not first by the stages' order.
    expect(warehouse!.stage).toBe('склад');
    expect(delivery!.revenueAtRisk).toBeGreaterThan(warehouse!.revenueAtRisk);
    expect(payment).toMatchObject({ stage: 'оплата', revenueAtRisk: 0 });
    // The evidence beside it: the planted driver first; nothing significant at «склад».
    expect(delivery!.drivers[0]).toMatchObject({
      metric: 'kpi:on_time_delivery',
      significant: true,
    });
    expect(warehouse!.drivers.filter((d) => d.significant)).toEqual([]);
    // The stored report is what the page reads.
    const stored = await api('GET', '/api/v1/arbiter');
    expect((stored.json() as ArbiterOut).stages.map((s) => [s.stage, s.revenueAtRisk])).toEqual(
      a.stages.map((s) => [s.stage, s.revenueAtRisk]),
    );
  });

  it('never ranks on fewer than 8 months', async () => {
    const q = new URLSearchParams({ stage: 'доставка', from: '2026-04-01', to: '2026-11-01' });
    const res = await api('GET', `/api/v1/scorecard/drivers?${q}`);
    const d: DriversOut = res.json();
    expect(d.periods).toBe(7);
    expect(d.drivers.every((x) => x.status === 'not_enough_data' && x.importance === null)).toBe(
      true,
    );
    expect(d.anySignificant).toBe(false);
    expect(d.r2).toBeNull();
  });
});
