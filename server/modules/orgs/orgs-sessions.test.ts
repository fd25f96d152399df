// Organisations, people and keys: signing in with a cookie session, refused credentials and
// the login rate limit.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { cookieOf } from './orgs.fixtures.ts';

describe.each(testDialects())('organisations, people and keys on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('signs a person in with a cookie session that needs the CSRF token for changes', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Альфа');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.adminEmail.toUpperCase(), password: org.adminPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(login.headers['set-cookie']).toMatch(/SameSite=Lax/);
    const body = login.json();
    expect(body.org.name).toBe('Альфа');
    expect(body.user.role).toBe('admin');
    const cookie = cookieOf(login);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie },
    });
    expect(me.json().user.email).toBe(org.adminEmail);

    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: { cookie },
      payload: { name: 'Бета' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const withCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
      payload: { name: 'Бета' },
    });
    expect(withCsrf.statusCode).toBe(200);
    expect(withCsrf.json().name).toBe('Бета');

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown e-mail with the same error', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.adminEmail, password: 'nope-nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.com', password: 'nope-nope' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('invalid_credentials');
    }
  });

  it('rate-limits login attempts from one address', async () => {
    t = await createTestApp({ dialect, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'a@example.com', password: 'x' },
      });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().code).toBe('rate_limited');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
