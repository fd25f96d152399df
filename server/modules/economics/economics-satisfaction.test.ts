// GET /api/v1/economics/by-satisfaction on both dialects, against an example worked out by hand.
// W = [2026-01-01, 2026-04-01) in months; the next window is [2026-04-01, 2026-07-01).
//   P1: NPS 9 (02-01); sales 1000 due 01-20 paid 01-15, 3000; buys again 05-01 → promoter.
//   P2: NPS 6 (01-05) then 10 (03-01) → the latest counts: promoter; sale 2000 due 02-10 paid
//       02-10 (on time); nothing after.
//   D1: NPS 3; sale 500 due 03-01 paid 03-05 (late), refund 100 → 400; buys again 06-10.
//   D2: NPS 5; sale 700 due 02-01, unpaid.  D3: NPS 0, no sale (active through feedback).
//   N1: NPS 8 → passive; sale 1000; buys again 04-15.
//   X: no answer, sale 600.  Y: NPS 9 in December 2025 (before W) and sale 800 → none.
// Groups: promoter 2 clients, paying 2, revenues [4000, 2000] → 3000 ± t(.975, 1)·1000
//   = [−9706.20, 15706.20]; due 2 on time 2 → 1, Wilson [0.34238, 1]; retention 1/2, Wilson
//   [0.09453, 0.90547]. Passive: 1, 1, 1000, no interval (n = 1); nothing due; retention 1/1.
//   Detractor: 3 clients, paying 2, [400, 700] → 550; due 2 on time 0 → 0, Wilson [0, 0.65762];
//   retention 1/2. None: 2, 2, [600, 800] → 700; nothing due; retention 0/2.
// Differences (promoter − detractor), checked with scipy 1.17: revenue 2450, Welch
//   [−9162.46, 14062.46]; on-time 1, Newcombe [0.06999, 1]; retention 0, [−0.57342, 0.57342].
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';

const close = (interval: [number, number] | null, lo: number, hi: number, digits = 4) => {
  expect(interval).not.toBeNull();
  expect(interval![0]).toBeCloseTo(lo, digits);
  expect(interval![1]).toBeCloseTo(hi, digits);
};

describe.each(testDialects())('what satisfaction is worth on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
    const c = async (name: string) => k.client(name);
    const [p1, p2, d1, d2, d3, n1, x, y] = [
      await c('P1'),
      await c('P2'),
      await c('D1'),
      await c('D2'),
      await c('D3'),
      await c('N1'),
      await c('X'),
      await c('Y'),
    ];
    await k.nps(p1, 9, '2026-02-01T10:00:00Z');
    await k.tx(p1, 'sale', '2026-01-10', 1000, { dueDate: '2026-01-20', paidAt: '2026-01-15' });
    await k.tx(p1, 'sale', '2026-03-03', 3000);
    await k.tx(p1, 'sale', '2026-05-01', 100);
    await k.nps(p2, 6, '2026-01-05T10:00:00Z');
    await k.nps(p2, 10, '2026-03-01T10:00:00Z');
    await k.tx(p2, 'sale', '2026-02-01', 2000, { dueDate: '2026-02-10', paidAt: '2026-02-10' });
    await k.nps(d1, 3, '2026-01-20T10:00:00Z');
    await k.tx(d1, 'sale', '2026-02-20', 500, { dueDate: '2026-03-01', paidAt: '2026-03-05' });
    await k.tx(d1, 'refund', '2026-03-10', 100);
    await k.tx(d1, 'sale', '2026-06-10', 100);
    await k.nps(d2, 5, '2026-02-02T10:00:00Z');
    await k.tx(d2, 'sale', '2026-01-25', 700, { dueDate: '2026-02-01' });
    await k.nps(d3, 0, '2026-03-30T10:00:00Z');
    await k.nps(n1, 8, '2026-01-12T10:00:00Z');
    await k.tx(n1, 'sale', '2026-02-14', 1000);
    await k.tx(n1, 'sale', '2026-04-15', 100);
    await k.tx(x, 'sale', '2026-03-31', 600);
    await k.nps(y, 9, '2025-12-20T10:00:00Z');
    await k.tx(y, 'sale', '2026-01-02', 800);
  });
  afterAll(async () => t?.close());

  it('groups clients by their latest answer and compares them as worked out by hand', async () => {
    const res = await k.get('/api/v1/economics/by-satisfaction?from=2026-01-01&to=2026-04-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.next).toEqual({ from: '2026-04-01', to: '2026-07-01', complete: true });
    const [promoter, passive, detractor, none] = body.groups;
    expect(promoter).toMatchObject({
      group: 'promoter',
      clients: 2,
      payingClients: 2,
      revenuePerPayingClient: 3000,
      dueSales: 2,
      onTimeShare: 1,
      retention: 0.5,
    });
    close(promoter.revenuePerPayingClientInterval, -9706.2047, 15706.2047, 3);
    close(promoter.onTimeShareInterval, 0.34238, 1);
    close(promoter.retentionInterval, 0.094531, 0.905469);
    expect(passive).toEqual({
      group: 'passive',
      clients: 1,
      payingClients: 1,
      revenuePerPayingClient: 1000,
      revenuePerPayingClientInterval: null,
      dueSales: 0,
      onTimeShare: null,
      onTimeShareInterval: null,
      retention: 1,
      retentionInterval: [expect.any(Number), 1],
    });
    expect(detractor).toMatchObject({
      group: 'detractor',
      clients: 3,
      payingClients: 2,
      revenuePerPayingClient: 550,
      dueSales: 2,
      onTimeShare: 0,
      retention: 0.5,
    });
    close(detractor.onTimeShareInterval, 0, 0.65762);
    expect(none).toMatchObject({
      group: 'none',
      clients: 2,
      payingClients: 2,
      revenuePerPayingClient: 700,
      retention: 0,
    });
    expect(body.differences.revenuePerPayingClient.value).toBe(2450);
    close(body.differences.revenuePerPayingClient.interval, -9162.4627, 14062.4627, 2);
    expect(body.differences.onTimeShare.value).toBe(1);
    close(body.differences.onTimeShare.interval, 0.069985, 1);
    expect(body.differences.retention.value).toBe(0);
    close(body.differences.retention.interval, -0.573419, 0.573419);
  });

  it('says when the next window has not ended yet', async () => {
    const res = await k.get('/api/v1/economics/by-satisfaction?from=2026-11-01&to=2026-12-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().next).toMatchObject({ from: '2026-12-01', complete: false });
  });
});
