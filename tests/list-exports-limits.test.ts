// The list exports' rate limit (issue 16), on both dialects: with EXPORT_RATE_PER_MINUTE = 2, an
// organisation's third file of one list within a minute is refused with 429 rate_limited
// (translated in the UI like any code); another list, and another organisation, are not held up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';

describe.each(testDialects())('list export rate limit on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  const get = (org: TestOrg, url: string) => call(t.app, org.apiKey, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp({ dialect, env: { EXPORT_RATE_PER_MINUTE: '2' } });
    a = await createTestOrg(t.deps, 'Альфа');
    b = await createTestOrg(t.deps, 'Бета');
  });
  afterAll(async () => t?.close());

  it('counts files per organisation and list, and answers the one too many with 429', async () => {
    expect((await get(a, '/api/v1/clients/export')).statusCode).toBe(200);
    expect((await get(a, '/api/v1/clients/export?format=xlsx')).statusCode).toBe(200);
    const third = await get(a, '/api/v1/clients/export');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // The list itself is not limited, nor another list's file, nor another organisation.
    expect((await get(a, '/api/v1/clients')).statusCode).toBe(200);
    expect((await get(a, '/api/v1/employees/export')).statusCode).toBe(200);
    expect((await get(b, '/api/v1/clients/export')).statusCode).toBe(200);
  });
});
