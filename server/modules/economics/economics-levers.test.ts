// GET /api/v1/economics/levers on both dialects, against an example split by hand (LMDI-I).
// A = January 2026, B = February 2026 (amounts in roubles):
//   A: X 1000/cost 600, X 1000/600, Y 2000/1000 → N 2, purchases 3, Q 1.5, revenue 4000,
//      APPN 1333.33…, margin 1800, margin rate 0.45.
//   B: X 500/300, X 400/200, Y 1200/700, Z 900/300 (new) → N 3, purchases 4, Q 4/3,
//      revenue 3000, APPN 750, margin 1500, margin rate 0.5.
// N grows and APPN falls. In kopecks: L(300 000, 400 000) = −100 000 / ln 0.75 = 347 605.95;
//   N    L·ln(3/2)              =  140 942.08 →  140 942
//   Q    L·ln((4/3)/1.5)        =  −40 942.08 →  −40 942
//   APPN L·ln(750/1333.33…)     = −200 000.00 → −200 000;  sum −100 000 = the change.
// Margin: L(150 000, 180 000) = −30 000 / ln(5/6) = 164 544.45;
//   N 66 717.03 → 66 717; Q −19 380.54 → −19 381; APPN −94 672.98 → −94 673;
//   rate L·ln(0.5/0.45) = 17 336.49 → 17 336; sum −30 001, one kopeck short of −30 000: the
//   kopeck goes to the largest contribution, APPN → −94 672.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';

const kopecks = (values: Record<string, number>) =>
  Math.round(Object.values(values).reduce((s, v) => s + v, 0) * 100);

describe.each(testDialects())('economics levers on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;
  const levers = (query: string) => k.get(`/api/v1/economics/levers?${query}`);
  const JAN_FEB = 'aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-02-01&bTo=2026-03-01';

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
    const [x, y, z] = [await k.client('X'), await k.client('Y'), await k.client('Z')];
    await k.tx(x, 'sale', '2026-01-05', 1000, { cost: 600 });
    await k.tx(x, 'sale', '2026-01-25', 1000, { cost: 600 });
    await k.tx(y, 'sale', '2026-01-10', 2000, { cost: 1000 });
    await k.tx(x, 'sale', '2026-02-03', 500, { cost: 300 });
    await k.tx(x, 'sale', '2026-02-20', 400, { cost: 200 });
    await k.tx(y, 'sale', '2026-02-11', 1200, { cost: 700 });
    await k.tx(z, 'sale', '2026-02-28', 900, { cost: 300 });
  });
  afterAll(async () => t?.close());

  it('splits revenue and margin as worked out by hand, exactly to the kopeck', async () => {
    const res = await levers(JAN_FEB);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.a).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
      revenue: 4000,
      margin: 1800,
      payingClients: 2,
      purchases: 3,
      q: 1.5,
      appn: 1333.33,
      marginRate: 0.45,
    });
    expect(body.b).toMatchObject({ revenue: 3000, margin: 1500, payingClients: 3, appn: 750 });
    expect(body.b.q).toBeCloseTo(4 / 3, 12);
    expect(body.change).toBe(-1000);
    expect(body.contributions).toEqual({ payingClients: 1409.42, q: -409.42, appn: -2000 });
    expect(kopecks(body.contributions)).toBe(-100_000);
    expect(body.reason).toBeNull();
    expect(body.margin).toEqual({
      change: -300,
      contributions: { payingClients: 667.17, q: -193.81, appn: -946.72, marginRate: 173.36 },
      reason: null,
    });
    expect(kopecks(body.margin.contributions)).toBe(-30_000);
  });

  it('explains instead of splitting when a window has no sale', async () => {
    const res = await levers('aFrom=2025-12-01&aTo=2026-01-01&bFrom=2026-01-01&bTo=2026-02-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.change).toBe(4000);
    expect(body.contributions).toBeNull();
    expect(body.reason).toMatch(/payingClients is 0 in window A/);
    expect(body.margin.contributions).toBeNull();
  });

  it('takes whole quarters too, and refuses a window that is not whole periods', async () => {
    const quarter = await levers(
      'period=quarter&aFrom=2025-10-01&aTo=2026-01-01&bFrom=2026-01-01&bTo=2026-04-01',
    );
    expect(quarter.statusCode, quarter.body).toBe(200);
    expect(quarter.json().b).toMatchObject({ revenue: 7000, payingClients: 3, purchases: 7 });
    const bad = await levers('aFrom=2026-01-01&aTo=2026-02-15&bFrom=2026-02-01&bTo=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams).toEqual([
      { name: 'query.aTo', reason: 'the first day of a month' },
    ]);
  });

  it("never counts another organisation's transactions", async () => {
    const other = await economicsKit(t, 'Чужая');
    const res = await other.get(`/api/v1/economics/levers?${JAN_FEB}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().a).toMatchObject({ revenue: 0, payingClients: 0 });
  });
});
