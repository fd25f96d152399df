// GET/PUT /api/v1/economics/settings on both dialects: defaults, admin-only changes, the base
// currency that transactions then follow and that locks once they exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { economicsApp, economicsKit, type EconomicsKit } from './economics.fixtures.ts';

describe.each(testDialects())('economics settings on %s', (dialect) => {
  let t: TestApp;
  let k: EconomicsKit;
  beforeAll(async () => {
    t = await economicsApp(dialect);
  });
  afterAll(async () => t?.close());

  it('starts from the defaults and keeps what an admin saves', async () => {
    k = await economicsKit(t);
    const before = await k.get('/api/v1/economics/settings');
    expect(before.json()).toEqual({
      baseCurrency: 'RUB',
      period: 'month',
      appnLabel: null,
      churnAfterPeriods: null,
      updatedAt: null,
    });
    const saved = await k.put('/api/v1/economics/settings', {
      baseCurrency: 'EUR',
      period: 'quarter',
      appnLabel: 'средняя цена за ночь',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await k.get('/api/v1/economics/settings')).json()).toEqual({
      baseCurrency: 'EUR',
      period: 'quarter',
      appnLabel: 'средняя цена за ночь',
      churnAfterPeriods: null,
      updatedAt: '2026-12-03T12:00:00.000Z',
    });
  });

  it('makes transactions follow the base currency, then locks it', async () => {
    k = await economicsKit(t);
    await k.put('/api/v1/economics/settings', { baseCurrency: 'USD' });
    const client = await k.client('A');
    const rub = await k.t.app.inject({
      method: 'POST',
      url: '/api/v1/transactions',
      headers: { authorization: `Bearer ${k.org.apiKey}` },
      payload: { externalId: 'R-1', clientId: client, kind: 'sale', date: '2026-01-01', amount: 1 },
    });
    expect(rub.statusCode, rub.body).toBe(201);
    expect(rub.json().currency).toBe('USD');
    const eur = await k.t.app.inject({
      method: 'POST',
      url: '/api/v1/transactions',
      headers: { authorization: `Bearer ${k.org.apiKey}` },
      payload: {
        externalId: 'R-2',
        clientId: client,
        kind: 'sale',
        date: '2026-01-01',
        amount: 1,
        currency: 'RUB',
      },
    });
    expect(eur.statusCode).toBe(422);
    expect(eur.json().code).toBe('currency_mismatch');
    const change = await k.put('/api/v1/economics/settings', { baseCurrency: 'RUB' });
    expect(change.statusCode).toBe(409);
    expect(change.json().invalidParams).toEqual([
      { name: 'body.baseCurrency', reason: 'transactions exist' },
    ]);
    const label = await k.put('/api/v1/economics/settings', { appnLabel: 'средний чек' });
    expect(label.statusCode, label.body).toBe(200);
  });

  it('lets only admins change them and refuses bad values', async () => {
    k = await economicsKit(t);
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${k.org.apiKey}` },
      payload: { name: 'Аналитик', role: 'analyst' },
    });
    const analyst = key.json().secret as string;
    expect(
      (await k.put('/api/v1/economics/settings', { period: 'year' }, analyst)).statusCode,
    ).toBe(403);
    expect((await k.get('/api/v1/economics/settings', analyst)).statusCode).toBe(200);
    for (const bad of [{ churnAfterPeriods: 0 }, { baseCurrency: 'rub' }, { period: 'week' }, {}])
      expect((await k.put('/api/v1/economics/settings', bad)).statusCode).toBe(400);
  });
});
