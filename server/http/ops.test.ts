import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestOrg, type TestApp } from '../../tests/support/app.ts';
import { createTestDb, testDialects } from '../../tests/support/db.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { createLogger } from '../lib/logger.ts';
import { fixedClock } from '../lib/clock.ts';

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

  it('reports the job backlog: due jobs, how long the oldest due one has waited, jobs failed for good', async () => {
    const clock = fixedClock('2026-12-06T10:00:00.000Z');
    t = await createTestApp({ dialect, clock });
    const { db, jobs } = t.deps;
    const minutesAgo = (m: number) => new Date(clock.now().getTime() - m * 60_000);
    const gauge = async (name: string) => {
      const body = (await t!.app.inject({ url: '/metrics' })).body;
      return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1]);
    };
    expect(await gauge('clientloop_jobs_due')).toBe(0);
    expect(await gauge('clientloop_jobs_due_oldest_seconds')).toBe(0);
    await jobs.enqueue(db, { name: 'x.a', orgId: null, payload: {}, runAt: minutesAgo(10) });
    await jobs.enqueue(db, { name: 'x.b', orgId: null, payload: {}, runAt: minutesAgo(2) });
    await jobs.enqueue(db, { name: 'x.c', orgId: null, payload: {}, runAt: minutesAgo(-5) });
    const failed = await jobs.enqueue(db, { name: 'x.d', orgId: null, payload: {} });
    await db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', failed!).execute();
    // x.a and x.b are due (x.c runs in 5 minutes, x.d is no longer queued); x.a has waited 10 min.
    expect(await gauge('clientloop_jobs_due')).toBe(2);
    expect(await gauge('clientloop_jobs_due_oldest_seconds')).toBe(600);
    expect(await gauge('clientloop_jobs_failed')).toBe(1);
    clock.advance(6 * 60_000);
    expect(await gauge('clientloop_jobs_due')).toBe(3);
    expect(await gauge('clientloop_jobs_due_oldest_seconds')).toBe(960);
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
