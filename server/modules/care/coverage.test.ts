// Decision-maker and influencer coverage (issue 17, SPEC C9) and the care reminders for key
// accounts without a decision maker or with a silent one. Hand-made clients, fixed clock
// (1 Dec 2026 09:00 UTC → touches count from 1 Jun 2026 09:00 UTC); both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { computeCoverage, coverageCutoff } from './coverage.ts';
import { registerKeyAccounts, unregisterKeyAccounts } from './key-accounts.ts';

describe('coverage, pure', () => {
  const cutoff = coverageCutoff(new Date('2026-12-01T09:00:00Z'));
  it('counts six calendar months back', () =>
    expect(cutoff.toISOString()).toBe('2026-06-01T09:00:00.000Z'));
  it.each([
    [[], {}, 'missing', 'missing', false],
    [[['a', ['decision_maker']]], { a: '2026-06-01T09:00:00Z' }, 'touched', 'missing', false],
    [[['a', ['decision_maker']]], { a: '2026-06-01T08:59:59Z' }, 'silent', 'missing', false],
    [
      [
        ['a', ['decision_maker', 'influencer']],
        ['b', ['influencer']],
      ],
      { a: '2026-11-01T00:00:00Z' },
      'touched',
      'touched',
      true,
    ],
    [
      [
        ['a', ['decision_maker']],
        ['b', ['decision_maker']],
        ['c', ['influencer']],
      ],
      { a: '2026-01-01T00:00:00Z', b: '2026-07-01T00:00:00Z' },
      'touched',
      'silent',
      false,
    ],
  ] as const)('%j with touches %j → %s / %s', (contacts, touches, dm, inf, covered) => {
    const c = computeCoverage(
      contacts.map(([id, roles]) => ({ id, name: id, roles: [...roles] })),
      new Map(Object.entries(touches)),
      cutoff,
    );
    expect([c.decisionMaker, c.influencer, c.covered]).toEqual([dm, inf, covered]);
  });
});

describe.each(testDialects())('coverage and decision-maker reminders on %s', (dialect) => {
  let t: TestApp;
  let api: (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => any;
  const c: Record<string, string> = {};
  const p: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    api = (method, url, payload) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const client = async (key: string, strategicFit: number | null) => {
      const res = await api('POST', '/api/v1/clients', { name: `ООО ${key}`, strategicFit });
      expect(res.statusCode, res.body).toBe(201);
      c[key] = res.json().id;
    };
    const contact = async (key: string, clientKey: string, roles: string[]) => {
      p[key] = (
        await api('POST', `/api/v1/clients/${c[clientKey]}/contacts`, { name: key, roles })
      ).json().id;
    };
    const answer = async (contactKey: string, clientKey: string, receivedAt: string) => {
      const res = await api('POST', '/api/v1/feedback', {
        channel: 'api',
        clientId: c[clientKey],
        contactId: p[contactKey],
        score: { type: 'nps', value: 9 },
        receivedAt,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    // K1 (fit 80): the decision maker spoke in March (silent), the influencer has a case today.
    await client('K1', 80);
    await contact('Ivan', 'K1', ['decision_maker']);
    await contact('Olga', 'K1', ['influencer']);
    await answer('Ivan', 'K1', '2026-03-01T10:00:00Z');
    await api('POST', '/api/v1/cases', { title: 'Вопрос', clientId: c.K1, contactId: p.Olga });
    // K2 (fit 70): a user only — no decision maker.
    await client('K2', 70);
    await contact('Sergey', 'K2', ['user']);
    // K3 (fit 10, no sales): no decision maker either, but not a key account.
    await client('K3', 10);
    // K4 (fit 90): the decision maker answered in September; the influencer never.
    await client('K4', 90);
    await contact('Petr', 'K4', ['decision_maker']);
    await contact('Anna', 'K4', ['influencer']);
    await answer('Petr', 'K4', '2026-09-01T10:00:00Z');
    // K5 (no fit): the only client with revenue, so in the top third by revenue (5 clients → 2).
    await client('K5', null);
    await api('POST', '/api/v1/transactions', {
      externalId: 'doc-1',
      clientId: c.K5,
      kind: 'sale',
      date: '2026-10-01',
      amount: 100000,
    });
  });
  afterAll(async () => t?.close());

  it('shows per client whether a decision maker and an influencer were touched in 6 months', async () => {
    const k1 = await api('GET', `/api/v1/clients/${c.K1}/coverage`);
    expect(k1.statusCode).toBe(200);
    expect(k1.json()).toMatchObject({
      clientId: c.K1,
      since: '2026-06-01T09:00:00.000Z',
      decisionMaker: 'silent',
      influencer: 'touched',
      covered: false,
    });
    const ivan = k1.json().contacts.find((x: { id: string }) => x.id === p.Ivan);
    expect(Date.parse(ivan.lastTouchAt)).toBe(Date.parse('2026-03-01T10:00:00Z'));
    expect((await api('GET', `/api/v1/clients/${c.K2}/coverage`)).json()).toMatchObject({
      decisionMaker: 'missing',
      influencer: 'missing',
    });
    expect((await api('GET', `/api/v1/clients/${c.K4}/coverage`)).json()).toMatchObject({
      decisionMaker: 'touched',
      influencer: 'silent',
      covered: false,
    });
  });

  it('reminds about key accounts without a decision maker or with a silent one, with coverage per row', async () => {
    const res = await api('GET', '/api/v1/reminders?days=0');
    expect(res.statusCode).toBe(200);
    const mine = res
      .json()
      .items.filter((r: { kind: string }) => r.kind.startsWith('decision_maker'))
      .map((r: { kind: string; clientId: string; coverage: unknown }) => [
        r.kind,
        r.clientId,
        r.coverage,
      ]);
    // K1 silent; K2 and K5 missing; K3 is no key account; K4's decision maker was touched.
    expect(mine.sort()).toEqual(
      [
        ['decision_maker_silent', c.K1, { decisionMaker: 'silent', influencer: 'touched' }],
        ['decision_maker_missing', c.K2, { decisionMaker: 'missing', influencer: 'missing' }],
        ['decision_maker_missing', c.K5, { decisionMaker: 'missing', influencer: 'missing' }],
      ].sort(),
    );
  });

  it('a registered choice of key accounts (the portfolio matrix, later) replaces the default', async () => {
    registerKeyAccounts({
      name: 'test.matrix',
      priority: 10,
      select: async () => new Set([c.K3!, c.K4!]),
    });
    try {
      const items = (await api('GET', '/api/v1/reminders?days=0')).json().items;
      expect(
        items
          .filter((r: { kind: string }) => r.kind.startsWith('decision_maker'))
          .map((r: { kind: string; clientId: string }) => [r.kind, r.clientId]),
      ).toEqual([['decision_maker_missing', c.K3]]);
    } finally {
      unregisterKeyAccounts('test.matrix');
    }
  });
});
