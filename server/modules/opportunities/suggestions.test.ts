// Suggested opportunities (issue 17): products the client's peers bought in the last 12 months
// and it never did, by share of peers buying, valued at the peers' median spend. A hand-made
// set worked out below; both dialects; and the peer group as a parameter (the portfolio cell).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { registerPeerGroup } from './index.ts';
import { unregisterPeerGroup } from './peer-group.ts';
import { selectTopClients } from './key-accounts.ts';
import { median, suggestProducts } from './suggestions.ts';
import { last12Months } from './suggestions.service.ts';

describe('the pure parts', () => {
  it('takes the median, the mean of the middle two for an even count', () => {
    expect(median([5])).toBe(5);
    expect(median([500, 300, 400])).toBe(400);
    expect(median([90, 50])).toBe(70);
  });
  it('counts only peers with a positive net spend, skips what the client bought or planned', () => {
    const out = suggestProducts({
      peerIds: ['p1', 'p2'],
      spend: [
        { clientId: 'p1', product: 'A', spendMinor: 10 },
        { clientId: 'p2', product: 'A', spendMinor: 0 },
        { clientId: 'p2', product: 'b', spendMinor: 7 },
        { clientId: 'x', product: 'C', spendMinor: 99 },
      ],
      clientProducts: ['B '],
      alreadyPlanned: [],
    });
    expect(out).toEqual([
      { product: 'A', peerShare: 0.5, peersBuying: 1, peers: 2, estimatedMinor: 10 },
    ]);
  });
  it('the 12 months end today, inclusive', () => {
    expect(last12Months(new Date('2026-12-01T09:00:00Z'))).toEqual({
      from: '2025-12-02',
      to: '2026-12-02',
    });
  });
  it('key accounts: fit ≥ 67, or among the ⌈n/3⌉ highest positive revenues', () => {
    const fit = (f: number | null) => ({ strategicFit: f });
    const clients = new Map([
      ['a', fit(67)],
      ['b', fit(66)],
      ['c', fit(null)],
      ['d', fit(null)],
      ['e', fit(null)],
    ]);
    // n = 5 → the top 2 by revenue: c (900) and b (500); d has 100, e none.
    const revenue = new Map([
      ['b', 500],
      ['c', 900],
      ['d', 100],
    ]);
    expect([...selectTopClients(clients, revenue)].sort()).toEqual(['a', 'b', 'c']);
    expect([...selectTopClients(clients, new Map())].sort()).toEqual(['a']);
  });
});

describe.each(testDialects())('suggested opportunities on %s', (dialect) => {
  let t: TestApp;
  let api: (method: 'GET' | 'POST', url: string, payload?: object) => any;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    api = (method, url, payload) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    for (const [name, segment] of [
      ['A', 'retail'],
      ['P1', 'retail'],
      ['P2', 'retail'],
      ['P3', 'retail'],
      ['P4', 'retail'],
      ['Q', 'wholesale'],
    ])
      ids[name!] = (await api('POST', '/api/v1/clients', { name, segment })).json().id;
    let n = 0;
    const tx = async (who: string, product: string, amount: number, date = '2026-05-01') => {
      n += 1;
      const kind = amount < 0 ? 'refund' : 'sale';
      const res = await api('POST', '/api/v1/transactions', {
        externalId: `doc-${n}`,
        clientId: ids[who],
        kind,
        date,
        amount: Math.abs(amount),
        product,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await tx('A', 'Доставка', 100);
    await tx('P1', 'Доставка', 100);
    await tx('P1', 'Монтаж', 300);
    await tx('P1', 'Сервис', 50, '2026-03-10');
    await tx('P2', 'Монтаж', 500);
    await tx('P2', 'Сервис', 70);
    await tx('P2', 'Сервис', -70, '2026-06-01'); // refunded in full: P2 did not buy Сервис
    await tx('P3', 'Монтаж', 200);
    await tx('P3', 'Монтаж', 200, '2026-07-01');
    await tx('P3', 'Обучение', 1000, '2025-11-15'); // before the 12 months (from 2025-12-02)
    await tx('P4', 'Сервис', 90);
    await tx('Q', 'Лицензия', 5000); // another segment
  });
  afterAll(async () => t?.close());

  it('ranks the peers’ products by share buying, valued at their median spend', async () => {
    // Peers P1–P4. Монтаж: P1 300, P2 500, P3 400 → 3/4, median 400.
    // Сервис: P1 50, P4 90 (P2 net 0) → 2/4, median 70. Доставка: A has it. Обучение: too old.
    const res = await api('GET', `/api/v1/clients/${ids.A}/opportunities/suggested`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      peerGroup: { kind: 'segment', label: 'retail', size: 4 },
      items: [
        {
          product: 'Монтаж',
          peerShare: 0.75,
          peersBuying: 3,
          peers: 4,
          estimatedValue: 400,
          currency: 'RUB',
        },
        {
          product: 'Сервис',
          peerShare: 0.5,
          peersBuying: 2,
          peers: 4,
          estimatedValue: 70,
          currency: 'RUB',
        },
      ],
    });
  });

  it('leaves out what is already an opportunity, and uses a registered peer group', async () => {
    await api('POST', `/api/v1/clients/${ids.A}/opportunities`, { product: 'Монтаж' });
    const after = (await api('GET', `/api/v1/clients/${ids.A}/opportunities/suggested`)).json();
    expect(after.items.map((i: { product: string }) => i.product)).toEqual(['Сервис']);
    // As the portfolio module will: the peers are the clients of A's cell (here P4 and Q).
    registerPeerGroup({
      name: 'test.cell',
      priority: 10,
      peersOf: async () => ({
        kind: 'portfolio_cell',
        label: 'high/low',
        clientIds: [ids.P4!, ids.Q!],
      }),
    });
    try {
      const cell = (await api('GET', `/api/v1/clients/${ids.A}/opportunities/suggested`)).json();
      expect(cell.peerGroup).toEqual({ kind: 'portfolio_cell', label: 'high/low', size: 2 });
      expect(
        cell.items.map((i: { product: string; peerShare: number; estimatedValue: number }) => [
          i.product,
          i.peerShare,
          i.estimatedValue,
        ]),
      ).toEqual([
        ['Лицензия', 0.5, 5000],
        ['Сервис', 0.5, 90],
      ]);
    } finally {
      unregisterPeerGroup('test.cell');
    }
  });

  it('a client without a segment has no peers and no suggestions', async () => {
    const lone = (await api('POST', '/api/v1/clients', { name: 'Без сегмента' })).json();
    const res = (await api('GET', `/api/v1/clients/${lone.id}/opportunities/suggested`)).json();
    expect(res).toEqual({ peerGroup: { kind: 'segment', label: null, size: 0 }, items: [] });
  });
});
