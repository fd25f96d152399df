// API keys with scopes and expiry (issue 19): every route of /api/v1 has a scope in the one table
// (api-scopes.ts), every scope is enforced by the authenticate hook, an expired key gets 401
// api_key_expired, and a key never outlives its creator's role.
import { afterEach, describe, expect, it } from 'vitest';
import { API_SCOPES, type ApiScope } from '../../../shared/domain/api-scopes.ts';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { ROUTE_SCOPES, scopeOfRoute } from './api-scopes.ts';

const PUBLIC = /^\/api\/v1\/(auth\/|setup$)/;

/**
 * One route per scope, each with a request that passes validation, so only the scope decides:
 * past the gate a read answers 200, a write 201, and a delete of an id that exists nowhere 404.
 */
const SAMPLES: Record<ApiScope, { method: string; url: string; body?: object; passes: number }> = {
  read: { method: 'GET', url: '/api/v1/clients', passes: 200 },
  'write-feedback': {
    method: 'POST',
    url: '/api/v1/feedback',
    body: { channel: 'api', score: { type: 'nps', value: 9 }, text: 'Спасибо' },
    passes: 201,
  },
  'write-transactions': {
    method: 'DELETE',
    url: '/api/v1/transactions/01950000-0000-7000-8000-000000000099',
    passes: 404,
  },
  write: {
    method: 'DELETE',
    url: '/api/v1/dates/01950000-0000-7000-8000-000000000099',
    passes: 404,
  },
  admin: { method: 'GET', url: '/api/v1/audit', passes: 200 },
};

async function newKey(t: TestApp, admin: string, body: Record<string, unknown>) {
  const res = await call(t.app, admin, { method: 'POST', url: '/api/v1/api-keys', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; scopes: string[]; expiresAt: string | null };
}

describe.each(testDialects())('API key scopes on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('maps every authenticated route to exactly one scope in the table', async () => {
    t = await createTestApp({ dialect });
    const routes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/v1/') && !PUBLIC.test(r.url) && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThan(200);
    const unmapped = routes.filter((r) => scopeOfRoute(r.method, r.url) === undefined);
    expect(unmapped.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // Every row of the table covers at least one route (no stale rows).
    for (const [prefix] of ROUTE_SCOPES)
      expect(
        routes.some((r) => r.url === prefix || r.url.startsWith(`${prefix}/`)),
        prefix,
      ).toBe(true);
    expect(scopeOfRoute('POST', '/api/v1/feedback/batch')).toBe('write-feedback');
    expect(scopeOfRoute('DELETE', '/api/v1/transactions/:id')).toBe('write-transactions');
    expect(scopeOfRoute('PATCH', '/api/v1/users/:id')).toBe('admin');
    expect(scopeOfRoute('GET', '/api/v1/me/sessions')).toBe('none');
  });

  it('lets a key through only the routes of its scopes, for every scope', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (const scope of API_SCOPES) {
      const key = await newKey(t, org.apiKey, { name: scope, role: 'admin', scopes: [scope] });
      expect(key.scopes).toEqual([scope]);
      for (const [routeScope, sample] of Object.entries(SAMPLES)) {
        const res = await call(t.app, key.secret, {
          method: sample.method as 'GET',
          url: sample.url,
          ...(sample.body ? { payload: sample.body } : {}),
        });
        const label = `${scope} key on ${sample.method} ${sample.url}`;
        if (routeScope === scope) expect(res.statusCode, label).toBe(sample.passes);
        else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().code, label).toBe('insufficient_scope');
        }
      }
      // Personal routes are never for keys, whatever their scopes.
      const me = await call(t.app, key.secret, { method: 'GET', url: '/api/v1/me/sessions' });
      expect(me.json().code).toBe('insufficient_scope');
      // Refused writes wrote nothing: feedback exists only from the write-feedback key.
      const feedback = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/feedback' });
      expect(feedback.json().items).toHaveLength(
        API_SCOPES.indexOf(scope) >= API_SCOPES.indexOf('write-feedback') ? 1 : 0,
      );
    }
  });

  it('defaults scopes to the role, refuses scopes beyond it, and shows them in the list', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const analyst = await newKey(t, org.apiKey, { name: 'a', role: 'analyst' });
    expect(analyst.scopes).toEqual(['read']);
    const beyond = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'b', role: 'manager', scopes: ['read', 'admin'] },
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().code).toBe('scope_beyond_role');
    const list = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/api-keys' });
    const listed = list.json().items.find((k: { id: string }) => k.id === analyst.id);
    expect(listed).toMatchObject({ scopes: ['read'], expiresAt: null, role: 'analyst' });
  });

  it('refuses an expired key with 401 api_key_expired and a past expiry with 422', async () => {
    const clock = fixedClock('2026-06-01T10:00:00Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps);
    const past = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'old', role: 'viewer', expiresAt: '2026-06-01T09:00:00Z' },
    });
    expect(past.statusCode).toBe(422);
    const key = await newKey(t, org.apiKey, {
      name: 'day',
      role: 'viewer',
      expiresAt: '2026-06-02T10:00:00Z',
    });
    expect(key.expiresAt).toBe('2026-06-02T10:00:00.000Z');
    const before = await call(t.app, key.secret, { method: 'GET', url: '/api/v1/clients' });
    expect(before.statusCode).toBe(200);
    clock.set('2026-06-02T10:00:00Z');
    const after = await call(t.app, key.secret, { method: 'GET', url: '/api/v1/clients' });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(after.json().code).toBe('api_key_expired');
  });

  it('stops keys beyond their creator’s new role when the creator is demoted or disabled', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    // A second admin makes keys, then loses rights.
    const second = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'second@example.com',
        name: 'Second',
        password: 'long-enough-1',
        role: 'admin',
      },
    });
    const secondId = second.json().id;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'second@example.com', password: 'long-enough-1' },
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const csrf = login.json().csrfToken;
    const make = async (body: Record<string, unknown>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().secret as string;
    };
    const adminKey = await make({ name: 'admin', role: 'admin' });
    const readKey = await make({ name: 'read', role: 'analyst', scopes: ['read'] });
    const get = (key: string) => call(t.app, key, { method: 'GET', url: '/api/v1/clients' });
    expect((await get(adminKey)).statusCode).toBe(200);

    // Demoted to analyst: the admin key exceeds them and stops at once; the read key goes on.
    const demote = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/users/${secondId}`,
      payload: { role: 'analyst' },
    });
    expect(demote.statusCode).toBe(200);
    const refused = await get(adminKey);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('api_key_exceeds_creator');
    expect((await get(readKey)).statusCode).toBe(200);

    // Disabled: every key they made stops.
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/users/${secondId}`,
      payload: { disabled: true },
    });
    expect((await get(readKey)).json().code).toBe('api_key_exceeds_creator');
    const audit = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/audit?action=user.role_changed',
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0].details).toEqual({ from: 'admin', to: 'analyst' });
  });
});
