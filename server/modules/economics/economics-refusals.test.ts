// Bad transactions on both dialects: 422 with the field named (unprocessable, or
// currency_mismatch for a foreign currency without a rate), 404 for unknown references, and
// nothing written — not the row, not the client it would have created.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { nextDoc, transactionsApi } from '../../../tests/support/transactions.ts';

describe.each(testDialects())('refused transactions on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let api: ReturnType<typeof transactionsApi>;
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    api = transactionsApi(t, () => org);
  });
  beforeEach(async () => {
    org = await createTestOrg(t.deps, 'Ромашка');
    clientId = await api.newClient();
  });
  afterAll(async () => t?.close());

  const sale = (extra: object = {}) => ({
    externalId: nextDoc(),
    clientId,
    kind: 'sale',
    date: '2026-11-03',
    amount: 100,
    ...extra,
  });

  it.each([
    ['a negative amount', { amount: -1 }, 'body.amount'],
    ['a negative cost', { cost: -0.01 }, 'body.cost'],
    ['more than 2 decimals', { amount: 10.005 }, 'body.amount'],
    ['more than 2 decimals in the cost', { cost: 1.001 }, 'body.cost'],
    ['paidAt before date', { paidAt: '2026-11-02' }, 'body.paidAt'],
    ['a malformed date', { date: '03.11.2026' }, 'body.date'],
    ['a date that does not exist', { date: '2026-02-30' }, 'body.date'],
    ['a malformed due date', { dueDate: '2026-11-3' }, 'body.dueDate'],
  ])('answers %s with 422 naming the field, and writes nothing', async (_name, extra, field) => {
    const res = await api.upsert(sale(extra));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('unprocessable');
    expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect((await api.list()).json().items).toEqual([]);
  });

  it('refuses a refund larger than the client’s sales so far', async () => {
    expect((await api.upsert(sale({ amount: 1000 }))).statusCode).toBe(201);
    const refund = (amount: number) => sale({ kind: 'refund', amount });
    expect((await api.upsert(refund(600))).statusCode).toBe(201);
    const tooMuch = await api.upsert(refund(400.01));
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({
      code: 'unprocessable',
      invalidParams: [{ name: 'body.amount' }],
    });
    expect((await api.upsert(refund(400))).statusCode).toBe(201);
    expect((await api.list()).json().items).toHaveLength(3);
  });

  it('refuses a refund for a client without sales, and creates no client for it', async () => {
    const res = await api.upsert({
      externalId: nextDoc(),
      client: { externalId: 'NEW-1', name: 'Новый клиент' },
      kind: 'refund',
      date: '2026-11-03',
      amount: 1,
    });
    expect(res.statusCode).toBe(422);
    const created = await t.deps.db
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('external_id', '=', 'NEW-1')
      .execute();
    expect(created).toEqual([]);
  });

  it('answers a currency other than the base without a rate with 422 currency_mismatch', async () => {
    const res = await api.upsert(sale({ currency: 'USD' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'currency_mismatch',
      invalidParams: [{ name: 'body.currency' }],
    });
    expect((await api.upsert(sale({ currency: 'RUB' }))).statusCode).toBe(201);
  });

  it('answers an unknown manager with 404 and the same upsert with a known one with 201', async () => {
    const res = await api.upsert(sale({ managerId: '01a206ea-dd6a-7001-8c1b-5f588a061bc6' }));
    expect(res.statusCode).toBe(404);
    expect(res.json().invalidParams[0].name).toBe('body.managerId');
    expect((await api.list()).json().items).toEqual([]);
  });

  it('answers wrong types with 400 validation_failed (schema), and both client forms at once too', async () => {
    expect((await api.upsert(sale({ amount: '100' }))).json().code).toBe('validation_failed');
    expect((await api.upsert(sale({ kind: 'gift' }))).statusCode).toBe(400);
    const both = await api.upsert(sale({ client: { externalId: 'X', name: 'X' } }));
    expect(both.statusCode).toBe(400);
    expect((await api.batch([])).statusCode).toBe(400);
  });

  it('lets a role without data.write read but not write', async () => {
    // An analyst's key: reads the list, gets 403 on an upsert.
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${org.apiKey}` },
      payload: { name: 'Аналитик', role: 'analyst' },
    });
    expect(key.statusCode).toBe(201);
    const secret = key.json().secret as string;
    expect((await api.list('', secret)).statusCode).toBe(200);
    expect((await api.upsert(sale(), secret)).statusCode).toBe(403);
  });
});
