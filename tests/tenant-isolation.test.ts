// The tenant is a security boundary: organisation B's key gets 404 for every one of A's ids on
// every route, and A's resources read the same afterwards. Fixtures live beside each module
// (server/modules/*/*.isolation.ts); a new route with a parameter and no fixture fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import type { IsolationFixtures } from './support/isolation.ts';

const modules = import.meta.glob<{ isolationFixtures: IsolationFixtures }>(
  '../server/modules/*/*.isolation.ts',
  { eager: true },
);
const FIXTURES: IsolationFixtures = Object.assign(
  {},
  ...Object.values(modules).map((m) => m.isolationFixtures),
);

const apiRoutesWithParams = (t: TestApp) =>
  t.app.routeCatalog.filter(
    (r) => r.url.startsWith('/api/') && r.url.includes(':') && r.method !== 'HEAD',
  );

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? `missing-${name}`);
}

describe.each(testDialects())('tenant isolation on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    a = await createTestOrg(t.deps, 'alpha');
    b = await createTestOrg(t.deps, 'beta');
  });
  afterAll(async () => t?.close());

  it('every API route with a parameter has an isolation fixture', () => {
    const routes = apiRoutesWithParams(t);
    expect(routes.length).toBeGreaterThan(0);
    for (const r of routes) expect(FIXTURES, `${r.method} ${r.url}`).toHaveProperty([r.url]);
  });

  it("gives organisation B 404 for every one of A's resources, on every method, and changes nothing", async () => {
    for (const route of apiRoutesWithParams(t)) {
      const target = await FIXTURES[route.url]!(t, a);
      const url = fill(route.url, target.params);
      const readBack = target.ownResource?.readBack ?? url;
      const before = route.method === 'GET' ? undefined : await readAsOwner(readBack);
      const body = target.bodies?.[route.method as 'GET'];
      const res = await call(t.app, b.apiKey, {
        method: route.method as 'GET',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      if (target.ownResource) {
        expect(res.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
        if (before !== undefined)
          expect(
            await readAsOwner(readBack),
            `${route.method} ${route.url} changed A's data`,
          ).toEqual(before);
        continue;
      }
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(res.json().code).toBe('not_found');
      if (before !== undefined)
        expect(
          await readAsOwner(readBack),
          `${route.method} ${route.url} changed A's data`,
        ).toEqual(before);
    }
  });

  /** What A sees at a resource URL (when it has a GET), to prove B's attempt changed nothing. */
  async function readAsOwner(url: string): Promise<unknown> {
    const res = await call(t.app, a.apiKey, { method: 'GET', url });
    return res.statusCode === 200 ? res.json() : res.statusCode;
  }

  it("never lists A's resources to B", async () => {
    const aIds = [a.orgId];
    const lists = t.app.routeCatalog.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes(':'),
    );
    for (const r of lists) {
      const res = await call(t.app, b.apiKey, { method: 'GET', url: r.url });
      expect(res.statusCode, r.url).toBeLessThan(500);
      for (const id of aIds) expect(res.body, r.url).not.toContain(id);
    }
  });

  it('answers 401 to a wrong key and to no credentials on every API route', async () => {
    const protectedRoutes = t.app.routeCatalog.filter(
      (r) =>
        r.url.startsWith('/api/v1/') &&
        !r.url.startsWith('/api/v1/auth/') &&
        r.url !== '/api/v1/setup' &&
        r.method !== 'HEAD',
    );
    for (const route of protectedRoutes) {
      const url = fill(route.url, { id: a.orgId });
      for (const key of ['cl_wrong-key-000000000000000000', undefined]) {
        const res = await call(t.app, key, { method: route.method as 'GET', url });
        expect(res.statusCode, `${route.method} ${url}`).toBe(401);
        expect(res.json().code).toBe('unauthorized');
      }
    }
  });
});
