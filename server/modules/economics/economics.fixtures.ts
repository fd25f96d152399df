// Shared by the economics HTTP tests: an app per dialect, a fresh organisation, and short calls
// to add clients, transactions and feedback (amounts in roubles, dates as written in the tests).
import { expect } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { nextDoc } from '../../../tests/support/transactions.ts';
import { fixedClock } from '../../lib/clock.ts';

export interface EconomicsKit {
  t: TestApp;
  org: TestOrg;
  get(url: string, key?: string): ReturnType<typeof call>;
  put(url: string, payload: object, key?: string): ReturnType<typeof call>;
  client(name: string, extra?: object): Promise<string>;
  tx(clientId: string, kind: string, date: string, amount: number, more?: object): Promise<void>;
  nps(clientId: string, score: number, receivedAt: string): Promise<void>;
}

/** The app of one dialect; its clock stands still on 2026-12-03 so "today" never drifts. */
export async function economicsApp(dialect: Parameters<typeof createTestApp>[0]['dialect']) {
  return createTestApp({ dialect, clock: fixedClock(new Date('2026-12-03T12:00:00Z')) });
}

/** A new organisation in `t` and the calls the tests make on its behalf. */
export async function economicsKit(t: TestApp, name = 'Ромашка'): Promise<EconomicsKit> {
  const org = await createTestOrg(t.deps, name);
  const get = (url: string, key = org.apiKey) => call(t.app, key, { method: 'GET', url });
  const put = (url: string, payload: object, key = org.apiKey) =>
    call(t.app, key, { method: 'PUT', url, payload });
  const post = (url: string, payload: object) =>
    call(t.app, org.apiKey, { method: 'POST', url, payload });
  return {
    t,
    org,
    get,
    put,
    async client(clientName, extra = {}) {
      const res = await post('/api/v1/clients', {
        name: clientName,
        externalId: `crm-${nextDoc()}`,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    },
    async tx(clientId, kind, date, amount, more = {}) {
      const payload = { externalId: nextDoc(), clientId, kind, date, amount, ...more };
      const res = await post('/api/v1/transactions', payload);
      expect(res.statusCode, res.body).toBe(201);
    },
    async nps(clientId, score, receivedAt) {
      const res = await post('/api/v1/feedback', {
        clientId,
        receivedAt,
        score: { type: 'nps', value: score },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
    },
  };
}
