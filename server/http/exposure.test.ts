// What an instance exposes besides the API (issue 19): /metrics and /docs behind settings — off in
// production unless configured, /metrics token-protected with METRICS_TOKEN — and no start as a
// PostgreSQL superuser in production.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/app.ts';
import { createTestDb, testDialects } from '../../tests/support/db.ts';
import { loadConfig } from '../config.ts';
import { startClientLoop } from '../main.ts';
import { createLogger } from '../lib/logger.ts';

const TOKEN = 'scrape-token-0123456789';

describe.each(testDialects())('metrics and docs settings on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t!.app.inject({ method: 'GET', url, headers });

  it('in production: /metrics and /docs are off by default (404 problem+json)', async () => {
    t = await createTestApp({ dialect, env: { NODE_ENV: 'production' } });
    for (const url of ['/metrics', '/docs', '/docs/', '/docs/json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.body, url).not.toMatch(/clientloop_http|swagger|openapi/i);
    }
    expect((await get('/health')).statusCode).toBe(200);
  });

  it('with METRICS_TOKEN, /metrics needs the bearer token; DOCS_ENABLED turns /docs on', async () => {
    t = await createTestApp({
      dialect,
      env: { NODE_ENV: 'production', METRICS_TOKEN: TOKEN, DOCS_ENABLED: 'true' },
    });
    const wrong: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
    ];
    for (const headers of wrong) {
      const refused = await get('/metrics', headers);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('unauthorized');
    }
    const ok = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('clientloop_http_request_duration_seconds');
    expect((await get('/docs/json')).json().openapi).toMatch(/^3\./);
  });

  it('in development and test both stay open, as before', async () => {
    t = await createTestApp({ dialect, env: { NODE_ENV: 'development' } });
    expect((await get('/metrics')).statusCode).toBe(200);
    expect((await get('/docs/json')).statusCode).toBe(200);
  });
});

describe('a PostgreSQL superuser', () => {
  // The test database's role is a superuser (postgres, trust); SQLite has no roles.
  it.runIf(testDialects().includes('postgres'))(
    'is refused in production with a clear error, and allowed in development and test',
    async () => {
      const db = await createTestDb('postgres');
      try {
        const config = (env: string) =>
          loadConfig({
            DATABASE_URL: db.url,
            NODE_ENV: env,
            SERVICES: 'worker',
            LOG_LEVEL: 'silent',
          });
        const overrides = { dbHandle: db, log: createLogger('silent') };
        await expect(startClientLoop(config('production'), overrides)).rejects.toThrow(
          /PostgreSQL superuser; in production ClientLoop runs only as an ordinary role/,
        );
        for (const env of ['development', 'test']) {
          const running = await startClientLoop(config(env), {
            ...overrides,
            dbHandle: { ...db, close: async () => undefined },
          });
          await running.stop();
        }
      } finally {
        await db.drop();
      }
    },
  );
});
