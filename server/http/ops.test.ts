import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestOrg, type TestApp } from '../../tests/support/app.ts';
import { createTestDb, testDialects } from '../../tests/support/db.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../lib/logger.ts';

describe.each(testDialects())('operations endpoints on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('reports health, readiness, Prometheus metrics and the OpenAPI document', async () => {
    t = await createTestApp({ dialect });
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/ready' })).statusCode).toBe(200);
    await t.app.inject({ url: '/api/v1/org' });
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(
      /clientloop_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/org"/,
    );
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/api-keys']),
    );
    const ui = await t.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('is not ready until the database is migrated', async () => {
    const db = await createTestDb(dialect, { migrate: false });
    const deps = createDeps(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }), {
      dbHandle: db,
      log: createLogger('silent'),
    });
    const app = await buildApp(deps, { serveWeb: false });
    try {
      const res = await app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ database: true, migrated: false });
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('logs', () => {
  it('carry the request id and never the password, the API key or the session cookie', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const t = await createTestApp({ dialect: 'sqlite', env: { LOG_LEVEL: 'trace' } });
    // Rebuild with a capturing logger at trace level.
    await t.app.close();
    const deps = { ...t.deps, log: createLogger('trace', sink) };
    const app = await buildApp(deps, { serveWeb: false });
    try {
      const org = await createTestOrg(deps);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-request-id': 'req-abc-123' },
        payload: { email: org.adminEmail, password: 'wrong-password-xyz' },
      });
      expect(login.headers['x-request-id']).toBe('req-abc-123');
      await app.inject({
        method: 'GET',
        url: '/api/v1/org',
        headers: { authorization: `Bearer ${org.apiKey}` },
      });
      await app.inject({
        method: 'GET',
        url: '/api/v1/org',
        headers: { cookie: 'cl_session=secret-cookie-value' },
      });
      const all = lines.join('');
      expect(all).toContain('"reqId":"req-abc-123"');
      expect(all).toContain('request completed');
      expect(all).not.toContain('wrong-password-xyz');
      expect(all).not.toContain(org.apiKey);
      expect(all).not.toContain('secret-cookie-value');
    } finally {
      await app.close();
      await t.testDb.drop();
    }
  });
});
