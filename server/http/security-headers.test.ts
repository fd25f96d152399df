// Security headers are computed once but must be on every response: API answers, errors, 404s
// and public HTML pages; HSTS and the upgrade directive only when the public URL is HTTPS.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../tests/support/app.ts';
import { testDialects } from '../../tests/support/db.ts';
import { apiSecurityHeaders, securityHeaders } from './security-headers.ts';

describe.each(testDialects())('security headers on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('sends the CSP, nosniff, frame and request-id headers on success, error, 404 and HTML', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const created = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'Спасибо' },
    });
    const refused = await call(t.app, 'wrong-key', { method: 'GET', url: '/api/v1/feedback' });
    const missing = await t.app.inject({ url: '/api/v1/no-such-thing' });
    const page = await t.app.inject({ url: new URL(created.json().statusUrl).pathname });
    expect([created.statusCode, refused.statusCode, missing.statusCode, page.statusCode]).toEqual([
      201, 401, 404, 200,
    ]);
    for (const res of [created, refused, missing]) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(page.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds HSTS and upgrade-insecure-requests behind an HTTPS public URL', () => {
    const headers = securityHeaders(true);
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(apiSecurityHeaders(true)['strict-transport-security']).toBe(
      headers['strict-transport-security'],
    );
    expect(apiSecurityHeaders(false)['strict-transport-security']).toBeUndefined();
  });
});
