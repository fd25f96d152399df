// The matrix plugged into care and opportunities (plug-ins.ts), on both dialects, with the five
// clients of portfolio.test.ts. With all of attractiveness on the margin rate, the margin
// percentiles (C 0, B = D 37.5, A 75, E 100) make A and E high; their relationships (A 42.5,
// E 60) are both medium, so A and E share the cell high/medium and nobody else is in it.
// The fallbacks differ on purpose: strategic fit ≥ 67 picks D and E, and A's segment (retail)
// holds C.
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
import { selectKeyAccounts } from '../care/index.ts';
import { seedFive, type Name } from './portfolio.fixtures.ts';

const MARGIN_ONLY = {
  attractiveness: { revenue: 0, marginRate: 100, revenueGrowth: 0, strategicFit: 0 },
  relationship: { keyNps: 30, coverage: 20, tenure: 20, shareOfWallet: 15, paymentDiscipline: 15 },
};

describe.each(testDialects())('the matrix plugged into care and opportunities on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let ids: Record<Name, string>;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const names = (set: Set<string>) =>
    [...set].map((id) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id)).sort();
  const keyAccounts = async () =>
    names(await selectKeyAccounts({ db: t.deps.db, orgId: org.orgId, now: clock.now() }));
  const peersOfA = async () => {
    const res = await api('GET', `/api/v1/clients/${ids.A}/opportunities/suggested`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().peerGroup as { kind: string; size: number };
  };

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Портфель');
    ids = await seedFive(t, org);
  });
  afterAll(async () => t?.close());

  it('takes the key accounts and the peers from the matrix once it is computed', async () => {
    // Nothing scored yet: strategic fit ≥ 67 (D, E) and A's segment (C).
    expect(await keyAccounts()).toEqual(['D', 'E']);
    expect(await peersOfA()).toEqual({ kind: 'segment', label: 'retail', size: 1 });
    // Saving weights rescores everyone, so the matrix is stored from here on.
    const saved = await api('PUT', '/api/v1/portfolio/weights', MARGIN_ONLY);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await keyAccounts()).toEqual(['A', 'E']);
    expect(await peersOfA()).toEqual({ kind: 'portfolio_cell', label: 'high/medium', size: 1 });
  });

  it('falls back for a client the matrix has not placed yet', async () => {
    const created = await api('POST', '/api/v1/clients', { name: 'ООО Новый', segment: 'retail' });
    expect(created.statusCode, created.body).toBe(201);
    const res = await api('GET', `/api/v1/clients/${created.json().id}/opportunities/suggested`);
    expect(res.statusCode, res.body).toBe(200);
    // Not scored yet: the peers are its segment's clients (A and C).
    expect(res.json().peerGroup).toEqual({ kind: 'segment', label: 'retail', size: 2 });
  });
});
