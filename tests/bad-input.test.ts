// Malformed requests get a 4xx problem+json on every route, never a 5xx: broken JSON, wrong
// content types, huge bodies, wrong types, bad ids and bad query parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';

const WEIRD_BODIES = [
  'null',
  '123',
  '"text"',
  '[]',
  '{}',
  '{"__proto__":{"admin":true}}',
  `{"name":"${'я'.repeat(5000)}"}`,
  '{"email":{"$ne":null}}',
  '{"role":"root"}',
];

describe.each(testDialects())('bad input on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', BODY_LIMIT_BYTES: '65536' },
    });
    org = await createTestOrg(t.deps);
  });
  afterAll(async () => t?.close());

  const bodyRoutes = () => {
    const routes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && ['POST', 'PATCH', 'PUT'].includes(r.method),
    );
    // An empty or shrunken catalogue would let every loop below pass without asking anything.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    return routes;
  };
  const urlOf = (u: string) => u.replace(/:\w+/g, '01a206ea-dd6a-7001-8c1b-5f588a061bc6');

  function expectProblem(
    res: { statusCode: number; headers: Record<string, unknown>; json(): any },
    status: number,
    code: string,
    label: string,
  ) {
    expect(res.statusCode, label).toBe(status);
    expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
    expect(res.json().code, label).toBe(code);
    expect(res.json().requestId, label).toBeTruthy();
  }

  it('answers broken JSON with 400 malformed_json', async () => {
    for (const r of bodyRoutes()) {
      const res = await call(t.app, org.apiKey, {
        method: r.method as 'POST',
        url: urlOf(r.url),
        headers: { 'content-type': 'application/json' },
        payload: '{"name": "x",',
      });
      expectProblem(res, 400, 'malformed_json', `${r.method} ${r.url}`);
    }
  });

  it('answers a wrong content type with 415', async () => {
    for (const r of bodyRoutes()) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const res = await call(t.app, org.apiKey, {
          method: r.method as 'POST',
          url: urlOf(r.url),
          headers: { 'content-type': type },
          payload: 'name=x',
        });
        expectProblem(res, 415, 'unsupported_media_type', `${r.method} ${r.url} ${type}`);
      }
    }
  });

  it('answers a body over the limit with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(70_000) });
    for (const r of bodyRoutes()) {
      const res = await call(t.app, org.apiKey, {
        method: r.method as 'POST',
        url: urlOf(r.url),
        headers: { 'content-type': 'application/json' },
        payload: huge,
      });
      expectProblem(res, 413, 'payload_too_large', `${r.method} ${r.url}`);
    }
  });

  it('never answers odd JSON bodies with a 5xx', async () => {
    for (const r of bodyRoutes()) {
      for (const body of WEIRD_BODIES) {
        const res = await call(t.app, org.apiKey, {
          method: r.method as 'POST',
          url: urlOf(r.url),
          headers: { 'content-type': 'application/json' },
          payload: body,
        });
        expect(res.statusCode, `${r.method} ${r.url} ${body.slice(0, 40)}`).toBeLessThan(500);
        if (res.statusCode >= 400)
          expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
      }
    }
  });

  it('lists the invalid fields of a body with wrong types', async () => {
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 42, name: '', password: 'short', role: 'root' },
    });
    expectProblem(res, 400, 'validation_failed', 'POST /api/v1/users');
    const names = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['body.email', 'body.name', 'body.password', 'body.role']),
    );
  });

  it('answers bad ids and bad query parameters with 400', async () => {
    const idRoutes = t.app.routeCatalog.filter(
      (r) => r.url.startsWith('/api/') && r.url.includes(':id') && r.method !== 'HEAD',
    );
    expect(idRoutes.length).toBeGreaterThanOrEqual(30);
    for (const r of idRoutes) {
      for (const bad of [
        'not-a-uuid',
        "1'%20or%20'1'='1",
        '0',
        'ffffffff-ffff-ffff-ffff-fffffffffffffffff',
      ]) {
        const res = await call(t.app, org.apiKey, {
          method: r.method as 'GET',
          url: r.url.replace(':id', bad),
          ...(r.method === 'PATCH' ? { payload: { name: 'x' } } : {}),
        });
        expectProblem(res, 400, 'validation_failed', `${r.method} ${r.url} ${bad}`);
      }
    }
    for (const q of [
      'limit=abc',
      'limit=0',
      'limit=100000',
      'cursor=%%%',
      'cursor=bm90LWEtdXVpZA',
    ]) {
      const res = await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/users?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
    }
  });

  it('answers unknown routes and methods with a 404 problem', async () => {
    expectProblem(
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/nothing-here' }),
      404,
      'not_found',
      'unknown',
    );
    expectProblem(
      await call(t.app, org.apiKey, { method: 'PUT', url: '/api/v1/org', payload: {} }),
      404,
      'not_found',
      'PUT org',
    );
  });
});
