// The tenant is a security boundary: organisation B's key gets 404 for every one of A's ids on
// every route, and A's resources read the same afterwards. Fixtures live beside each module
// (server/modules/*/*.isolation.ts); a new route with a parameter and no fixture fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import { leaksIn, seedResources, type IsolationFixtures } from './support/isolation.ts';

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
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const r of routes) expect(FIXTURES, `${r.method} ${r.url}`).toHaveProperty([r.url]);
  });

  it("gives organisation B 404 for every one of A's resources, on every method, and changes nothing", async () => {
    const routes = apiRoutesWithParams(t);
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const route of routes) {
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

  const listRoutes = () =>
    t.app.routeCatalog.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes(':'),
    );

  /** Per list URL, the needles (A's ids, references, e-mails) found in what `key` is shown. */
  async function listLeaks(key: string, needles: string[]): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const r of listRoutes()) {
      const res = await call(t.app, key, { method: 'GET', url: r.url });
      expect(res.statusCode, r.url).toBeLessThan(500);
      const leaks = leaksIn(res.body, needles);
      if (leaks.length) found[r.url] = leaks;
    }
    return found;
  }

  it("never lists A's resources to B", async () => {
    // Clients, contacts, people, feedback, cases and messages of A, by id, reference and e-mail.
    const aIds = await seedResources(t, a);
    expect(listRoutes().length).toBeGreaterThanOrEqual(15);
    expect(await listLeaks(b.apiKey, aIds.needles)).toEqual({});
  });

  it('the list check reports a leak when a list shows another organisation its rows', async () => {
    const aIds = await seedResources(t, a);
    // The broken copy: what B would see if the lists lost their organisation filter is what A
    // sees. Asking as A stands in for it; the check must name the lists and the leaked values.
    const leaks = await listLeaks(a.apiKey, aIds.needles);
    expect(leaks['/api/v1/clients']).toContain(aIds.client);
    expect(leaks['/api/v1/feedback']).toContain(aIds.feedback);
    expect(leaks['/api/v1/cases']).toContain(aIds.case);
    expect(leaks['/api/v1/users']).toContain(aIds.user);
    // And a single planted row in an otherwise clean answer is enough.
    const clean = JSON.stringify({ items: [{ id: '01a206ea-dd6a-7001-8c1b-5f588a061bc6' }] });
    expect(leaksIn(clean, aIds.needles)).toEqual([]);
    const planted = JSON.stringify({ items: [{ id: 'x' }, { contactId: aIds.contact }] });
    expect(leaksIn(planted, aIds.needles)).toEqual([aIds.contact]);
  });

  it('answers 401 to a wrong key and to no credentials on every API route', async () => {
    const protectedRoutes = t.app.routeCatalog.filter(
      (r) =>
        r.url.startsWith('/api/v1/') &&
        !r.url.startsWith('/api/v1/auth/') &&
        r.url !== '/api/v1/setup' &&
        r.method !== 'HEAD',
    );
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(60);
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
