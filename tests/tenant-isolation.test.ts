// The tenant is a security boundary: organisation B's key gets 404 for every one of A's ids on
// every route, and A's rows are unchanged afterwards. A new route with an :id and no fixture here
// fails this test, so no module can forget it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';

interface Seeded {
  org: TestOrg;
  userId: string;
  apiKeyId: string;
}

/** For each route with an :id, how to get one of A's ids and a valid body per method. */
const FIXTURES: Record<string, (a: Seeded) => { id: string; bodies?: Record<string, unknown> }> = {
  '/api/v1/users/:id': (a) => ({ id: a.userId, bodies: { PATCH: { name: 'Взломщик', role: 'viewer' } } }),
  '/api/v1/api-keys/:id': (a) => ({ id: a.apiKeyId }),
};

async function seed(t: TestApp, name: string): Promise<Seeded> {
  const org = await createTestOrg(t.deps, name);
  const user = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/users', payload: { email: `${name}-${Date.now()}@example.com`, name, password: 'long-enough-1', role: 'manager' } });
  const key = await call(t.app, org.apiKey, { method: 'POST', url: '/api/v1/api-keys', payload: { name: `${name} key`, role: 'viewer' } });
  return { org, userId: user.json().id, apiKeyId: key.json().id };
}

describe.each(testDialects())('tenant isolation on %s', (dialect) => {
  let t: TestApp;
  let a: Seeded;
  let b: Seeded;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    a = await seed(t, 'alpha');
    b = await seed(t, 'beta');
  });
  afterAll(async () => t?.close());

  it('every API route with an id has an isolation fixture', () => {
    const withId = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && r.method !== 'HEAD');
    expect(withId.length).toBeGreaterThan(0);
    for (const r of withId) expect(FIXTURES, `${r.method} ${r.url}`).toHaveProperty([r.url]);
  });

  it("gives organisation B 404 for every one of A's ids, on every method", async () => {
    const withId = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && r.method !== 'HEAD');
    for (const route of withId) {
      const fx = FIXTURES[route.url]!(a);
      const res = await call(t.app, b.org.apiKey, {
        method: route.method as 'GET',
        url: route.url.replace(':id', fx.id),
        ...(fx.bodies?.[route.method] ? { payload: fx.bodies[route.method] as object } : {}),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it("leaves A's rows unchanged after B's attempts and never lists them to B", async () => {
    const user = await call(t.app, a.org.apiKey, { method: 'GET', url: `/api/v1/users/${a.userId}` });
    expect(user.json()).toMatchObject({ name: 'alpha', role: 'manager' });
    const keys = (await call(t.app, a.org.apiKey, { method: 'GET', url: '/api/v1/api-keys' })).json().items;
    expect(keys.find((k: { id: string }) => k.id === a.apiKeyId).revokedAt).toBeNull();

    const seenByB = JSON.stringify([
      (await call(t.app, b.org.apiKey, { method: 'GET', url: '/api/v1/users?limit=200' })).json(),
      (await call(t.app, b.org.apiKey, { method: 'GET', url: '/api/v1/api-keys' })).json(),
      (await call(t.app, b.org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' })).json(),
      (await call(t.app, b.org.apiKey, { method: 'GET', url: '/api/v1/org' })).json(),
    ]);
    for (const id of [a.org.orgId, a.userId, a.apiKeyId]) expect(seenByB).not.toContain(id);
  });

  it('answers 401 to a wrong key and to no credentials on every API route', async () => {
    const protectedRoutes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/v1/') && !r.url.startsWith('/api/v1/auth/') && r.url !== '/api/v1/setup' && r.method !== 'HEAD',
    );
    for (const route of protectedRoutes) {
      const url = route.url.replace(':id', a.userId);
      for (const key of ['cl_wrong-key-000000000000000000', undefined]) {
        const res = await call(t.app, key, { method: route.method as 'GET', url });
        expect(res.statusCode, `${route.method} ${url}`).toBe(401);
        expect(res.json().code).toBe('unauthorized');
      }
    }
  });
});
