// Transactions through HTTP on both dialects: upsert by externalId (201 new, 200 updated or
// unchanged), batches item by item, the list newest first with keyset paging, delete, and 404
// for another organisation's client or transaction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { nextDoc, transactionsApi } from '../../../tests/support/transactions.ts';

describe.each(testDialects())('transactions on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  let api: ReturnType<typeof transactionsApi>;
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    api = transactionsApi(t, () => org);
  });
  beforeEach(async () => {
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Лютик');
    clientId = await api.newClient();
  });
  afterAll(async () => t?.close());

  it('creates a sale with 201, stores kopecks and shows decimals', async () => {
    const res = await api.upsert({
      externalId: 'РН-001',
      clientId,
      kind: 'sale',
      date: '2026-11-03',
      amount: 1234.5,
      cost: 800.25,
      product: 'Доставка',
      dueDate: '2026-11-13',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      externalId: 'РН-001',
      clientId,
      kind: 'sale',
      date: '2026-11-03',
      amount: 1234.5,
      cost: 800.25,
      currency: 'RUB',
      exchangeRate: null,
      dueDate: '2026-11-13',
      paidAt: null,
    });
    const row = await t.deps.db
      .selectFrom('transactions')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect([row.amount_minor, row.cost_minor]).toEqual([123_450, 80_025]);
  });

  it('answers the same externalId with 200: updated when a later export adds paidAt, else unchanged', async () => {
    const doc = { externalId: nextDoc(), clientId, kind: 'sale', date: '2026-11-03', amount: 100 };
    const first = await api.upsert(doc);
    expect(first.statusCode).toBe(201);
    const same = await api.upsert(doc);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(first.json());
    const paid = await api.upsert({ ...doc, paidAt: '2026-11-10' });
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({ id: first.json().id, paidAt: '2026-11-10' });
    expect((await api.list()).json().items).toHaveLength(1);
  });

  it('finds or creates the client named by external id, like feedback intake', async () => {
    const client = { externalId: '1C-777', name: 'ИП Петров' };
    const a = await api.upsert({
      externalId: nextDoc(),
      client,
      kind: 'sale',
      date: '2026-10-01',
      amount: 10,
    });
    const b = await api.upsert({
      externalId: nextDoc(),
      client,
      kind: 'sale',
      date: '2026-10-02',
      amount: 20,
    });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().clientId).toBe(a.json().clientId);
  });

  it('stores an amount in another currency converted with its rate', async () => {
    const res = await api.upsert({
      externalId: nextDoc(),
      clientId,
      kind: 'sale',
      date: '2026-11-03',
      amount: 100.01,
      currency: 'USD',
      exchangeRate: 92.5,
    });
    expect(res.statusCode).toBe(201);
    // 10 001 cents × 92.5 = 925 092.5 kopecks → 925 093 (half up).
    expect(res.json()).toMatchObject({ amount: 9250.93, currency: 'USD', exchangeRate: 92.5 });
  });

  it('takes a batch item by item: a bad item gets its error, the others are stored', async () => {
    const good = { clientId, kind: 'sale', date: '2026-11-01', amount: 10 };
    const repeated = { ...good, externalId: nextDoc() };
    await api.upsert(repeated);
    const res = await api.batch([
      { ...good, externalId: nextDoc() },
      { ...good, externalId: nextDoc(), amount: -5 },
      {
        ...good,
        externalId: nextDoc(),
        clientId: undefined,
        client: { externalId: 'B-1', name: 'Новый' },
        paidAt: '2026-10-01',
      },
      repeated,
      { ...repeated, paidAt: '2026-11-02' },
      { externalId: nextDoc(), kind: 'gift' },
      { ...good, externalId: nextDoc(), clientId: await api.newClient('Чужой', other.apiKey) },
    ]);
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'error',
      'error',
      'unchanged',
      'updated',
      'error',
      'error',
    ]);
    expect(results[1].error).toMatchObject({ code: 'unprocessable' });
    expect(results[1].error.invalidParams[0].name).toBe('items.1.amount');
    expect(results[2].error.invalidParams[0].name).toBe('items.2.paidAt');
    expect(results[5].error.code).toBe('validation_failed');
    expect(results[6].error.code).toBe('not_found');
    // No partial item: the client the refused item 2 named was not created either.
    const clients = await t.deps.db
      .selectFrom('clients')
      .select('id')
      .where('org_id', '=', org.orgId)
      .where('external_id', '=', 'B-1')
      .execute();
    expect(clients).toEqual([]);
    expect((await api.list()).json().items).toHaveLength(2);
  });

  it('lists newest date first, ties by id, and pages with a cursor', async () => {
    const dates = ['2026-09-01', '2026-11-05', '2026-10-10', '2026-11-05', '2026-08-15'];
    const ids: string[] = [];
    for (const date of dates)
      ids.push(
        (
          await api.upsert({ externalId: nextDoc(), clientId, kind: 'sale', date, amount: 1 })
        ).json().id,
      );
    const expected = dates
      .map((date, i) => ({ date, id: ids[i]! }))
      .sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
    const seen: { id: string; date: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await api.list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));

    const window = await api.list(`?from=2026-10-01&to=2026-11-05&clientId=${clientId}`);
    expect(window.json().items.map((r: { date: string }) => r.date)).toEqual(['2026-10-10']);
    expect((await api.list('?cursor=bm9wZQ')).statusCode).toBe(400);
  });

  it('deletes with 204, then 404; another organisation gets 404 and changes nothing', async () => {
    const id = (
      await api.upsert({
        externalId: nextDoc(),
        clientId,
        kind: 'sale',
        date: '2026-11-01',
        amount: 5,
      })
    ).json().id;
    const foreign = await api.remove(id, other.apiKey);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    expect((await api.list()).json().items).toHaveLength(1);
    expect((await api.remove(id)).statusCode).toBe(204);
    expect((await api.remove(id)).statusCode).toBe(404);
    expect((await api.list()).json().items).toEqual([]);
  });

  it("refuses another organisation's client with 404 and writes nothing", async () => {
    const foreignClient = await api.newClient('Чужой', other.apiKey);
    const res = await api.upsert({
      externalId: nextDoc(),
      clientId: foreignClient,
      kind: 'sale',
      date: '2026-11-01',
      amount: 5,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      invalidParams: [{ name: 'body.clientId' }],
    });
    expect((await api.list()).json().items).toEqual([]);
    expect((await api.list('', other.apiKey)).json().items).toEqual([]);
  });
});
