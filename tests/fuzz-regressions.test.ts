// The requests the fuzz suite (tests/fuzz.test.ts) found answered wrongly, kept as fixed cases:
// each was a 5xx or a refusal that was not a problem before its fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nulPaths } from '../server/http/nul-guard.ts';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import { rowCountFingerprint } from './support/fuzz/runner.ts';

type Res = { statusCode: number; headers: Record<string, unknown>; json(): any };

function expectProblem(res: Res, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
  expect(res.json().requestId).toBeTruthy();
}

describe('the NUL walk', () => {
  it('names every string and key holding a NUL, nested in objects and arrays', () => {
    expect(
      nulPaths({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\u0000': 1, d: { e: '\u0000' } } }, 'body'),
    ).toEqual(['body.b.1', 'body.c.k\\0', 'body.c.d.e']);
    expect(nulPaths({ a: 'clean', n: 1, z: null }, 'body')).toEqual([]);
  });
});

describe.each(testDialects())('requests the fuzz suite found, on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let fingerprint: () => Promise<string>;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps);
    fingerprint = await rowCountFingerprint(t.deps.db, t.testDb.pgSchema, new Set());
  });
  afterAll(async () => t?.close());

  it('answers a path that is not valid percent-encoding with a problem, not Fastify JSON', async () => {
    // Found as: GET /api/v1/feedback/%FF%FE → 400 application/json {"code":"FST_ERR_BAD_URL"}.
    for (const url of ['/api/v1/feedback/%FF%FE', '/api/v1/messages/%C0%AE%C0%AE', '/s/%zz'])
      expectProblem(await call(t.app, org.apiKey, { method: 'GET', url }), 400, 'bad_request');
  });

  it('answers an over-long path parameter with a problem, not a bare 414', async () => {
    // Found as: GET /api/v1/employees/<'я' × 201> → 414 application/json.
    const url = `/api/v1/employees/${encodeURIComponent('я'.repeat(201))}`;
    expectProblem(await call(t.app, org.apiKey, { method: 'GET', url }), 400, 'bad_request');
  });

  it('refuses a NUL in a body, a query string or a path with 400 and writes nothing', async () => {
    // Found as 500s on PostgreSQL (22021: it cannot store U+0000 in text).
    const before = await fingerprint();
    const created = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/competencies',
      payload: { nameRu: 'Навык', nameEn: 'Skill', description: 'a\u0000b' },
    });
    expectProblem(created, 400, 'validation_failed');
    expect(created.json().invalidParams).toEqual([
      { name: 'body.description', reason: 'contains a NUL character' },
    ]);
    const models = await call(t.app, org.apiKey, {
      method: 'PUT',
      url: '/api/v1/competencies/models',
      payload: { position: 'a\u0000b', levels: {} },
    });
    expectProblem(models, 400, 'validation_failed');
    const exported = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/clients/export?segment=%00&format=csv',
    });
    expectProblem(exported, 400, 'validation_failed');
    expect(exported.json().invalidParams[0].name).toBe('query.segment');
    const byPath = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/kpis/a%00b' });
    expectProblem(byPath, 400, 'validation_failed');
    expect(await fingerprint()).toBe(before);
    // The same requests without the NUL go through: the refusal was the character's.
    const clean = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/competencies',
      payload: { nameRu: 'Навык', nameEn: 'Skill', description: 'ab' },
    });
    expect(clean.statusCode).toBe(201);
  });

  it('refuses an impossible date in the profit-formula export with 400, not a RangeError 500', async () => {
    // Found as: GET …/profit-formula?aFrom=2026-11-20&aTo=7935-64-87&… → 500 on both dialects.
    const res = await call(t.app, org.apiKey, {
      method: 'GET',
      url: '/api/v1/economics/export/profit-formula?aFrom=2026-11-20&aTo=7935-64-87&bFrom=2026-11-20&bTo=1961-02-21&period=year&lang=en',
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.json().invalidParams).toEqual([
      { name: 'querystring.aTo', reason: 'not a calendar date' },
    ]);
  });

  it('answers a time-zone offset PostgreSQL cannot hold with a 4xx, not a 500', async () => {
    // Found as: POST /api/v1/text/reanalyse {"to":"0245-11-05T05:36:59-16:27"} → 500 on
    // PostgreSQL (22009: offsets beyond ±15:59); SQLite compares the text and queues nothing.
    const res = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/text/reanalyse',
      payload: { to: '0245-11-05T05:36:59-16:27' },
    });
    if (dialect === 'postgres') expectProblem(res, 400, 'bad_request');
    else expect(res.statusCode).toBe(202);
  });

  it('refuses a NUL in a public form with its 400 page, before any lookup', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/s/o/unknown-token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'score=5&comment=a%00b',
    });
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
  });
});
