// The set-based batch (batch-upsert.ts) keeps the meaning of items applied one after another:
// a later item with the same externalId updates the earlier one, a refund may rely on a sale
// earlier in the same batch, a refund beyond the sales so far fails alone, an unknown client
// fails alone — and the rollups agree with the rows afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { walSyncFor } from '../../db/wal-sync.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';

describe.each(testDialects())('the transactions batch on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;
  const batch = (items: object[]) =>
    k.t.app.inject({
      method: 'POST',
      url: '/api/v1/transactions/batch',
      headers: { authorization: `Bearer ${k.org.apiKey}` },
      payload: { items },
    });

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
  });
  afterAll(async () => t?.close());

  it('applies the items in order, each on its own', async () => {
    const a = await k.client('A', { segment: 's' });
    await k.tx(a, 'sale', '2026-01-10', 1000);
    const sale = (externalId: string, amount: number, more = {}) => ({
      externalId,
      clientId: a,
      kind: 'sale',
      date: '2026-02-10',
      amount,
      ...more,
    });
    const refund = (externalId: string, amount: number) => ({
      externalId,
      clientId: a,
      kind: 'refund',
      date: '2026-02-20',
      amount,
    });
    const res = await batch([
      sale('B-1', 500),
      sale('B-1', 700, { dueDate: '2026-02-20', paidAt: '2026-02-25' }), // updates B-1
      refund('B-2', 1600), // 1000 + 700 sold so far: allowed
      refund('B-3', 200), // 1800 refunded > 1700 sold: refused alone
      { ...sale('B-4', 10), clientId: '00000000-0000-7000-8000-000000000000' },
      { externalId: 'B-5', kind: 'sale' }, // not a transaction
      sale('B-1', 700, { dueDate: '2026-02-20', paidAt: '2026-02-25' }), // same again
      {
        externalId: 'B-6',
        client: { externalId: 'crm-new', name: 'Новый' },
        kind: 'sale',
        date: '2026-02-11',
        amount: 50,
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'updated',
      'created',
      'error',
      'error',
      'error',
      'unchanged',
      'created',
    ]);
    expect(results[1].id).toBe(results[0].id);
    expect(results[3].error).toMatchObject({
      code: 'unprocessable',
      invalidParams: [{ name: 'items.3.amount' }],
    });
    expect(results[4].error).toMatchObject({
      code: 'not_found',
      invalidParams: [{ name: 'items.4.clientId' }],
    });
    expect(results[5].error.code).toBe('validation_failed');
    const listed = (await k.get(`/api/v1/transactions?clientId=${a}`)).json().items;
    expect(
      listed.map((r: { externalId: string; amount: number }) => [r.externalId, r.amount]),
    ).toEqual([
      ['B-2', 1600],
      ['B-1', 700],
      [expect.stringMatching(/^DOC-/), 1000],
    ]);
    // February from the rollups = from the rows: 700 + 50 − 1600 = −850, 2 sales, 2 paying.
    const feb = 'from=2026-02-01&to=2026-03-01';
    const rollup = (await k.get(`/api/v1/economics/summary?${feb}`)).json();
    expect(rollup).toMatchObject({
      revenue: -850,
      purchases: 2,
      payingClients: 2,
      meanDaysLate: 5,
    });
    const rows = (await k.get(`/api/v1/economics/summary?${feb}&segment=s`)).json();
    expect(rows).toMatchObject({ revenue: -900, purchases: 1, payingClients: 1, meanDaysLate: 5 });
  });

  it('updates stored documents in a batch and keeps the rollups exact', async () => {
    const b = await k.client('B');
    await k.tx(b, 'sale', '2025-05-05', 300);
    const res = await batch([
      { externalId: 'C-1', clientId: b, kind: 'sale', date: '2025-06-01', amount: 100 },
      { externalId: 'C-1', clientId: b, kind: 'sale', date: '2025-07-01', amount: 100 },
    ]);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'updated',
    ]);
    const june = (await k.get('/api/v1/economics/summary?from=2025-06-01&to=2025-07-01')).json();
    expect(june).toMatchObject({ revenue: 0, payingClients: 0 });
    const july = (await k.get('/api/v1/economics/summary?from=2025-07-01&to=2025-08-01')).json();
    expect(july).toMatchObject({ revenue: 100, payingClients: 1, newClients: 0 });
  });

  it.runIf(dialect === 'sqlite')(
    'answers only after the WAL is synced, off the event loop',
    async () => {
      const wal = walSyncFor(t.deps.db)!;
      const before = wal.stats.syncs;
      const items = Array.from({ length: 20 }, (_, i) => ({
        externalId: `WAL-${i}`,
        client: { externalId: `wal-client-${i % 3}`, name: 'Клиент' },
        kind: 'sale',
        date: '2026-03-01',
        amount: 100 + i,
      }));
      const res = await batch(items);
      expect(res.statusCode, res.body).toBe(200);
      expect(wal.stats.syncs).toBeGreaterThan(before);
      // The relaxed commit gave synchronous=FULL back to every other writer.
      expect(t.deps.dbHandle.sqlite!.pragma('synchronous', { simple: true })).toBe(2);
    },
  );
});
