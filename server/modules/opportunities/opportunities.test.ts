// Opportunities (issue 17, SPEC C6): CRUD on the client card, the stage machine with stable
// problem codes, won ones linking their own client's sales; both dialects, fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { allowedNextStages, canMove } from './transitions.ts';

describe('the stage machine', () => {
  it.each([
    ['idea', 'offered', true],
    ['idea', 'lost', true],
    ['idea', 'won', false],
    ['offered', 'won', true],
    ['offered', 'lost', true],
    ['offered', 'idea', true],
    ['won', 'lost', false],
    ['won', 'idea', false],
    ['lost', 'idea', true],
    ['lost', 'won', false],
    ['won', 'won', true],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });
  it('won is final', () => expect(allowedNextStages('won')).toEqual([]));
});

describe.each(testDialects())('opportunities on %s', (dialect) => {
  let t: TestApp;
  let api: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => any;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-01T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    api = (method, url, payload) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  });
  afterAll(async () => t?.close());

  const sale = async (clientId: string, externalId: string) =>
    (
      await api('POST', '/api/v1/transactions', {
        externalId,
        clientId,
        kind: 'sale',
        date: '2026-11-20',
        amount: 1500,
        product: 'Монтаж',
      })
    ).json().id as string;

  it('adds, lists, moves through the stages, links the own client’s sales when won, deletes', async () => {
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json();
    const other = (await api('POST', '/api/v1/clients', { name: 'ООО Бета' })).json();
    const created = await api('POST', `/api/v1/clients/${client.id}/opportunities`, {
      product: 'Монтаж',
      value: 1500.5,
      dueDate: '2026-12-20',
    });
    expect(created.statusCode).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({
      clientId: client.id,
      product: 'Монтаж',
      value: 1500.5,
      currency: 'RUB',
      stage: 'idea',
      allowedNext: ['offered', 'lost'],
      dueDate: '2026-12-20',
      transactionIds: [],
    });
    const list = (await api('GET', `/api/v1/clients/${client.id}/opportunities`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([o.id]);

    // idea → won skips the offer: 409 with the stable code.
    const skip = await api('PATCH', `/api/v1/opportunities/${o.id}`, { stage: 'won' });
    expect(skip.statusCode).toBe(409);
    expect(skip.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(skip.json().code).toBe('invalid_transition');

    const offered = await api('PATCH', `/api/v1/opportunities/${o.id}`, { stage: 'offered' });
    expect(offered.json().stage).toBe('offered');
    // Transactions on an opportunity not won: 422.
    const mine = await sale(client.id, 'doc-1');
    const early = await api('PATCH', `/api/v1/opportunities/${o.id}`, { transactionIds: [mine] });
    expect([early.statusCode, early.json().code]).toEqual([422, 'transactions_need_won']);
    // Another client's sale: 422; a sale that exists nowhere: 404; nothing changes either time.
    const theirs = await sale(other.id, 'doc-2');
    const foreign = await api('PATCH', `/api/v1/opportunities/${o.id}`, {
      stage: 'won',
      transactionIds: [mine, theirs],
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([422, 'transaction_not_of_client']);
    const nowhere = await api('PATCH', `/api/v1/opportunities/${o.id}`, {
      stage: 'won',
      transactionIds: ['01a206ea-dd6a-7001-8c1b-5f588a061bc6'],
    });
    expect([nowhere.statusCode, nowhere.json().code]).toEqual([404, 'not_found']);
    expect((await api('GET', `/api/v1/opportunities/${o.id}`)).json().stage).toBe('offered');

    const won = await api('PATCH', `/api/v1/opportunities/${o.id}`, {
      stage: 'won',
      transactionIds: [mine],
    });
    expect(won.statusCode).toBe(200);
    expect(won.json()).toMatchObject({ stage: 'won', allowedNext: [], transactionIds: [mine] });
    const reopen = await api('PATCH', `/api/v1/opportunities/${o.id}`, { stage: 'lost' });
    expect([reopen.statusCode, reopen.json().code]).toEqual([409, 'invalid_transition']);

    // A deleted sale leaves the opportunity, and its link goes with the sale.
    expect((await api('DELETE', `/api/v1/transactions/${mine}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/opportunities/${o.id}`)).json().transactionIds).toEqual([]);

    expect((await api('DELETE', `/api/v1/opportunities/${o.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/opportunities/${o.id}`)).statusCode).toBe(404);
  });

  it('refuses a value with three decimals, an unknown owner and an unknown client', async () => {
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Гамма' })).json();
    const url = `/api/v1/clients/${client.id}/opportunities`;
    const cents = await api('POST', url, { product: 'X', value: 1.005 });
    expect([cents.statusCode, cents.json().code]).toEqual([400, 'validation_failed']);
    const owner = await api('POST', url, {
      product: 'X',
      ownerId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6',
    });
    expect([owner.statusCode, owner.json().code]).toEqual([404, 'not_found']);
    const nobody = await api(
      'POST',
      '/api/v1/clients/01a206ea-dd6a-7001-8c1b-5f588a061bc6/opportunities',
      {
        product: 'X',
      },
    );
    expect(nobody.statusCode).toBe(404);
    expect((await api('GET', url)).json().items).toEqual([]);
  });
});
