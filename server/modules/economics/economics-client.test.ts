// GET /api/v1/economics/clients/{id} on both dialects, against an example worked out by hand.
// The client K, at asOf 2026-06-15, months (amounts in roubles):
//   2025-03-10 sale 1000/cost 600, due 03-20 paid 03-18;  2025-04-05 sale 500 without cost;
//   idle May–Oct 2025;  2025-11-20 sale 2000/1500 due 12-01 paid 12-11 (10 days late);
//   2026-01-10 refund 300/cost 100;  2026-02-15 sale 1200/700 due 03-01, never paid;
//   2026-07-01 sale 999 — after asOf, never counted.
// Paying months Mar-25, Apr-25, Nov-25, Feb-26 → 4; lifetime Mar-25…Feb-26 = 12; idle 8.
// LTV = (1000 + 500 + 2000 − 300 + 1200) − (600 + 0 + 1500 − 100 + 700) = 4400 − 2700 = 1700.
// Last 12 months = (2025-06-15, 2026-06-15]: 2000 − 300 + 1200 = 2900; margin 2900 − 2100 = 800.
// Due in them: 12-01 (10 days late) and 03-01 (unpaid: 03-01 → 06-16 = 107 days):
//   on time 0 / 2, mean days late (10 + 107) / 2 = 58.5.
// Churn: gaps 1, 7, 3 months → median 3 → threshold max(2, 9) = 9; idle months after Feb-26
// before June = 3 ≤ 9 → not churned. With the setting churnAfterPeriods = 2: 3 > 2 → churned.
// Budget 10 000 a year → share of wallet 2900 / 10 000 = 0.29.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';

describe.each(testDialects())("one client's economics on %s", (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;
  let id: string;
  const economics = (query = '?asOf=2026-06-15', key?: string) =>
    k.get(`/api/v1/economics/clients/${id}${query}`, key);

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
    id = await k.client('K', { estimatedAnnualBudget: 10000 });
    await k.tx(id, 'sale', '2025-03-10', 1000, {
      cost: 600,
      dueDate: '2025-03-20',
      paidAt: '2025-03-18',
    });
    await k.tx(id, 'sale', '2025-04-05', 500);
    await k.tx(id, 'sale', '2025-11-20', 2000, {
      cost: 1500,
      dueDate: '2025-12-01',
      paidAt: '2025-12-11',
    });
    await k.tx(id, 'refund', '2026-01-10', 300, { cost: 100 });
    await k.tx(id, 'sale', '2026-02-15', 1200, { cost: 700, dueDate: '2026-03-01' });
    await k.tx(id, 'sale', '2026-07-01', 999);
  });
  afterAll(async () => t?.close());

  it('computes the figures as worked out by hand', async () => {
    const res = await economics();
    expect(res.statusCode, res.body).toBe(200);
    const { series, ...figures } = res.json();
    expect(figures).toEqual({
      clientId: id,
      asOf: '2026-06-15',
      period: 'month',
      revenue12m: 2900,
      margin12m: 800,
      payingPeriods: 4,
      lifetimeSpan: 12,
      idlePeriods: 8,
      historicalLtv: 1700,
      onTimeShare: 0,
      meanDaysLate: 58.5,
      estimatedAnnualBudget: 10000,
      shareOfWallet: 0.29, // 2900 / 10 000
      churned: false,
      churnAfterPeriods: 9,
      firstSaleAt: '2025-03-10',
      lastSaleAt: '2026-02-15',
    });
    expect(series).toHaveLength(16); // 2025-03 … 2026-06
    expect(series[0]).toEqual({ period: '2025-03', revenue: 1000, margin: 400, purchases: 1 });
    expect(series[10]).toEqual({ period: '2026-01', revenue: -300, margin: -200, purchases: 0 });
    expect(series[15]).toEqual({ period: '2026-06', revenue: 0, margin: 0, purchases: 0 });
  });

  it('follows the organisation churn setting, and counts quarters', async () => {
    const set = await k.put('/api/v1/economics/settings', { churnAfterPeriods: 2 });
    expect(set.statusCode, set.body).toBe(200);
    const res = await economics();
    expect(res.json()).toMatchObject({ churned: true, churnAfterPeriods: 2 });
    await k.put('/api/v1/economics/settings', { churnAfterPeriods: null });
    // Quarters: 2025-Q1, Q2, Q4, 2026-Q1 → paying 4 of a span of 5 → idle 1.
    const quarters = await economics('?asOf=2026-06-15&period=quarter');
    expect(quarters.json()).toMatchObject({ payingPeriods: 4, lifetimeSpan: 5, idlePeriods: 1 });
  });

  it('answers 404 for a client of another organisation, 400 for a bad day', async () => {
    const other = await economicsKit(t, 'Чужая');
    expect((await economics('?asOf=2026-06-15', other.org.apiKey)).statusCode).toBe(404);
    const bad = await economics('?asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });
});
