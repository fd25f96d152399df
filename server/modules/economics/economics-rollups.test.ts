// The rollups (ADR 011) give exactly what the transactions give. Random documents — sales and
// refunds, with and without cost, paid on time, late or never, some re-sent with other values
// and some deleted — plus feedback; then every figure of the summary from the rollups (no
// filter) must equal the figure read from the rows (a segment holding every client, which takes
// the row path), for months, quarters and years, with the default and a fixed churn rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';
import { rebuildTransactionRollups } from './rollups.service.ts';

function generator(seed: number) {
  return () => (seed = (seed * 48271) % 2147483647) / 2147483647;
}

const day = (r: () => number, fromYear = 2024) => {
  const y = fromYear + Math.floor(r() * 3);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(testDialects())('economics rollups on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;
  const post = (url: string, payload: object) =>
    k.t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${k.org.apiKey}` },
      payload,
    });

  beforeAll(async () => {
    t = await economicsApp(dialect);
    k = await economicsKit(t);
    const r = generator(20261203);
    const clients: string[] = [];
    for (let i = 0; i < 12; i++) clients.push(await k.client(`C${i}`, { segment: 'all' }));
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const date = day(r);
      const due = r() < 0.6 ? plusDays(date, 10) : undefined;
      const paid = due && r() < 0.8 ? plusDays(date, Math.floor(r() * 40)) : undefined;
      const res = await post('/api/v1/transactions', {
        externalId: `R-${i}`,
        clientId: clients[Math.floor(r() * 12)],
        kind: 'sale',
        date,
        amount: 100 + Math.floor(r() * 5000),
        ...(r() < 0.7 ? { cost: Math.floor(r() * 90) } : {}),
        ...(due ? { dueDate: due } : {}),
        ...(paid ? { paidAt: paid } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    for (let i = 0; i < 15; i++) {
      // Small refunds, so none exceeds the client's sales.
      const res = await post('/api/v1/transactions', {
        externalId: `F-${i}`,
        client: { externalId: `crm-none-${i}`, name: 'x' },
        kind: 'sale',
        date: day(r),
        amount: 500,
      });
      expect(res.statusCode, res.body).toBe(201);
      const refund = await post('/api/v1/transactions', {
        externalId: `RF-${i}`,
        clientId: res.json().clientId,
        kind: 'refund',
        date: day(r),
        amount: 1 + Math.floor(r() * 400),
        ...(r() < 0.5 ? { cost: 10 } : {}),
      });
      expect(refund.statusCode, refund.body).toBe(201);
      await k.t.app.inject({
        method: 'PATCH',
        url: `/api/v1/clients/${res.json().clientId}`,
        headers: { authorization: `Bearer ${k.org.apiKey}` },
        payload: { segment: 'all' },
      });
    }
    // Re-sent documents: a later export moves the date, pays the invoice, changes the client.
    for (let i = 0; i < 30; i++) {
      const res = await post('/api/v1/transactions', {
        externalId: `R-${i}`,
        clientId: clients[Math.floor(r() * 12)],
        kind: 'sale',
        date: day(r),
        amount: 100 + Math.floor(r() * 5000),
        dueDate: '2026-12-31',
        paidAt: r() < 0.5 ? '2027-01-05' : '2026-12-31',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const id of ids.slice(100, 110)) {
      const res = await k.t.app.inject({
        method: 'DELETE',
        url: `/api/v1/transactions/${id}`,
        headers: { authorization: `Bearer ${k.org.apiKey}` },
      });
      expect(res.statusCode).toBe(204);
    }
    for (let i = 0; i < 25; i++)
      await k.nps(clients[Math.floor(r() * 12)]!, Math.floor(r() * 11), `${day(r)}T10:00:00Z`);
  });
  afterAll(async () => t?.close());

  const compare = async (query: string) => {
    const rollup = await k.get(`/api/v1/economics/summary?${query}`);
    const rows = await k.get(`/api/v1/economics/summary?${query}&segment=all`);
    expect(rollup.statusCode, rollup.body).toBe(200);
    expect(rows.statusCode, rows.body).toBe(200);
    const strip = ({ cac: _c, profit: _p, ...rest }: Record<string, unknown>) => rest;
    const a = rollup.json();
    const b = rows.json();
    expect(strip({ ...a, series: undefined })).toEqual(strip({ ...b, series: undefined }));
    expect(a.series.map(strip)).toEqual(b.series.map(strip));
    return a;
  };

  it('matches the rows for months, quarters and years', async () => {
    const whole = await compare('from=2024-01-01&to=2027-01-01&period=month');
    expect(whole.payingClients).toBeGreaterThan(10); // the example is not empty
    expect(whole.churnedClients + whole.onTimeShare).toBeGreaterThan(0);
    await compare('from=2024-01-01&to=2027-01-01&period=quarter');
    await compare('from=2024-01-01&to=2027-01-01&period=year');
    await compare('from=2025-04-01&to=2025-10-01&period=month');
  });

  it('matches the rows with a fixed churn rule', async () => {
    await k.put('/api/v1/economics/settings', { churnAfterPeriods: 1 });
    await compare('from=2024-01-01&to=2027-01-01&period=month');
    await compare('from=2024-01-01&to=2027-01-01&period=quarter');
    await k.put('/api/v1/economics/settings', { churnAfterPeriods: null });
  });

  it('rebuilds to the same rollups from the transactions', async () => {
    const query = 'from=2024-01-01&to=2027-01-01&period=month';
    const before = (await k.get(`/api/v1/economics/summary?${query}`)).json();
    await k.t.deps.db
      .transaction()
      .execute((db) => rebuildTransactionRollups({ db, orgId: k.org.orgId }));
    expect((await k.get(`/api/v1/economics/summary?${query}`)).json()).toEqual(before);
  });

  it('sees a new paying client at once, whatever a process remembered', async () => {
    const query = 'from=2026-12-01&to=2027-01-01';
    const before = (await k.get(`/api/v1/economics/summary?${query}`)).json();
    const fresh = await k.client('Новый в декабре');
    await k.tx(fresh, 'sale', '2026-12-02', 10);
    const after = (await k.get(`/api/v1/economics/summary?${query}`)).json();
    expect(after.payingClients).toBe(before.payingClients + 1);
    expect(after.newClients).toBe(before.newClients + 1);
  });

  it('lays changed clients over the sets a process remembered', async () => {
    // Before December 2026, where the test above added a client outside the segment.
    const query = 'from=2024-01-01&to=2026-12-01&period=month';
    const before = await compare(query); // the process now holds every client's sets
    const late = await k.client('Поздний', { segment: 'all' });
    await k.tx(late, 'sale', '2024-02-10', 70);
    expect((await compare(query)).payingClients).toBe(before.payingClients + 1);
    // The same client changes again: its row, not a new one, carries the newer version.
    await k.tx(late, 'sale', '2025-07-03', 30);
    const twice = await compare(query);
    expect(twice.series[18].payingClients).toBe(before.series[18].payingClients + 1);
  });

  it('gives the same levers from the rollups as from the rows', async () => {
    for (const query of [
      'aFrom=2025-03-01&aTo=2025-04-01&bFrom=2026-03-01&bTo=2026-04-01',
      'period=quarter&aFrom=2025-01-01&aTo=2025-04-01&bFrom=2025-04-01&bTo=2025-07-01',
      'aFrom=2025-01-01&aTo=2025-07-01&bFrom=2025-07-01&bTo=2026-01-01',
    ]) {
      const rollup = (await k.get(`/api/v1/economics/levers?${query}`)).json();
      const rows = (await k.get(`/api/v1/economics/levers?${query}&segment=all`)).json();
      expect(rollup.a.payingClients).toBeGreaterThan(0);
      expect(rollup).toEqual(rows);
    }
  });
});
