// Period snapshots and moves on the five clients of portfolio.test.ts, on both dialects. The
// snapshot of November 2026 (as of 2026-11-30) has the hand-computed cells of that file (nothing
// happens between 2026-11-15 and 2027-01-01); December's is taken after the attractiveness
// weights become 25/25/20/30, which moves C alone from medium to low attractiveness (30).
// Another organisation sees none of it.
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
import type { PortfolioOut } from '../../../shared/api/portfolio.ts';
import { seedFive, type Name } from './portfolio.fixtures.ts';
import { runPortfolioRound } from './index.ts';

const SHIFTED = {
  attractiveness: { revenue: 25, marginRate: 25, revenueGrowth: 20, strategicFit: 30 },
  relationship: { keyNps: 30, coverage: 20, tenure: 20, shareOfWallet: 15, paymentDiscipline: 15 },
};

describe.each(testDialects())('portfolio snapshots on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let ids: Record<Name, string>;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Срезы');
    ids = await seedFive(t, org);
  });
  afterAll(async () => t?.close());

  it('snapshots a closed period once and lists exactly the clients whose cell changed', async () => {
    clock.set('2026-12-01T09:00:00Z');
    const open = await api('POST', '/api/v1/portfolio/snapshots', { period: '2026-12' });
    expect(open.statusCode).toBe(422);
    const bad = await api('POST', '/api/v1/portfolio/snapshots', { period: '2026-Q5' });
    expect(bad.statusCode).toBe(400);

    const nov = await api('POST', '/api/v1/portfolio/snapshots', { period: '2026-11' });
    expect(nov.statusCode, nov.body).toBe(201);
    expect(nov.json()).toMatchObject({ period: '2026-11', asOf: '2026-11-30', clients: 5 });
    const again = await api('POST', '/api/v1/portfolio/snapshots', { period: '2026-11' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...nov.json(), created: false });

    // New weights, then December's snapshot: C leaves medium attractiveness for low.
    expect((await api('PUT', '/api/v1/portfolio/weights', SHIFTED)).statusCode).toBe(200);
    clock.set('2027-01-01T09:00:00Z');
    expect(
      (await api('POST', '/api/v1/portfolio/snapshots', { period: '2026-12' })).statusCode,
    ).toBe(201);

    const moves = await api('GET', '/api/v1/portfolio/moves?from=2026-11&to=2026-12');
    expect(moves.statusCode, moves.body).toBe(200);
    expect(moves.json()).toEqual({
      from: '2026-11',
      to: '2026-12',
      moves: [
        {
          clientId: ids.C,
          name: 'Клиент C',
          from: {
            attractiveness: 33.8,
            relationship: 73.5,
            cell: { attractiveness: 'medium', relationship: 'high' },
          },
          to: {
            attractiveness: 30,
            relationship: 73.5,
            cell: { attractiveness: 'low', relationship: 'high' },
          },
        },
      ],
    });
    // The same period on both sides: nothing moved.
    expect(
      (await api('GET', '/api/v1/portfolio/moves?from=2026-12&to=2026-12')).json().moves,
    ).toEqual([]);
    const missing = await api('GET', '/api/v1/portfolio/moves?from=2026-10&to=2026-12');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    expect((await api('GET', '/api/v1/portfolio/moves?from=2026-10')).statusCode).toBe(400);
    const list = (await api('GET', '/api/v1/portfolio/snapshots')).json().snapshots;
    expect(list.map((s: { period: string }) => s.period)).toEqual(['2026-12', '2026-11']);
  });

  it('shows another organisation none of the clients, snapshots or moves', async () => {
    const other = await createTestOrg(t.deps, 'Чужие');
    const as = (url: string) => call(t.app, other.apiKey, { method: 'GET', url });
    const out = (await as('/api/v1/portfolio')).json() as PortfolioOut;
    expect(out.total).toBe(0);
    expect(out.cells.every((c) => c.clients === 0)).toBe(true);
    expect((await as('/api/v1/portfolio/snapshots')).json().snapshots).toEqual([]);
    expect((await as('/api/v1/portfolio/moves?from=2026-11&to=2026-12')).statusCode).toBe(404);
  });

  it('the worker takes the snapshots of the month and quarter that closed, once', async () => {
    clock.set('2027-04-02T09:00:00Z');
    const first = await runPortfolioRound(t.deps);
    // Two organisations (the other test's too): 2027-03 and 2027-Q1 for each, scores refreshed.
    expect(first).toEqual({ refreshed: 2, snapshots: 4 });
    expect(await runPortfolioRound(t.deps)).toEqual({ refreshed: 0, snapshots: 0 });
    const periods = (await api('GET', '/api/v1/portfolio/snapshots')).json().snapshots;
    expect(periods.map((s: { period: string }) => s.period)).toEqual([
      '2027-03',
      '2027-Q1',
      '2026-12',
      '2026-11',
    ]);
  });
});
