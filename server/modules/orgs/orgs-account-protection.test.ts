// Account protection (issue 19): changing one's own password asks for the current one, failed
// sign-ins are audited with the address they came from, and one account takes at most
// MAX_FAILED_LOGINS failures per window — then even the right password waits.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';
import { FAILED_LOGIN_WINDOW_MS, MAX_FAILED_LOGINS } from './auth.service.ts';
import { cookieOf } from './orgs.fixtures.ts';

describe.each(testDialects())('account protection on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('asks for the current password when people change their own', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Альфа');
    const signedIn = await login(org.adminEmail, org.adminPassword);
    const { user, csrfToken } = signedIn.json();
    const headers = { cookie: cookieOf(signedIn), 'x-csrf-token': csrfToken };
    const change = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers, payload });

    for (const payload of [
      { password: 'a brand new secret' },
      { password: 'a brand new secret', currentPassword: 'not the password' },
    ]) {
      const refused = await change(payload);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().invalidParams[0].name).toBe('body.currentPassword');
    }
    expect((await login(org.adminEmail, 'a brand new secret')).statusCode).toBe(401);

    const ok = await change({ password: 'a brand new secret', currentPassword: org.adminPassword });
    expect(ok.statusCode).toBe(200);
    expect((await login(org.adminEmail, 'a brand new secret')).statusCode).toBe(200);
  });

  it("lets an admin set another person's password without theirs", async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Бета');
    const made = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'anna@example.ru',
        name: 'Анна',
        password: 'first password',
        role: 'manager',
      },
    });
    expect(made.statusCode).toBe(201);
    const reset = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/users/${made.json().id}`,
      payload: { password: 'second password' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await login('anna@example.ru', 'second password')).statusCode).toBe(200);
  });

  it('audits failed sign-ins and stops guessing at one account, until the window passes', async () => {
    const clock = fixedClock('2026-12-02T10:00:00.000Z');
    t = await createTestApp({ dialect, clock, env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '1000' } });
    const org = await createTestOrg(t.deps, 'Гамма');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      expect((await login(org.adminEmail, `guess ${i}`)).statusCode).toBe(401);

    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=200' });
    const failed = (audit.json().items as { action: string }[]).filter(
      (e) => e.action === 'auth.login_failed',
    );
    expect(failed).toHaveLength(MAX_FAILED_LOGINS);
    // Where the attempt came from is kept with the entry.
    const stored = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('org_id', '=', org.orgId)
      .where('action', '=', 'auth.login_failed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.details!)).toEqual({ ip: '127.0.0.1' });

    const locked = await login(org.adminEmail, org.adminPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('rate_limited');
    expect(locked.headers['retry-after']).toBe(String(FAILED_LOGIN_WINDOW_MS / 1000));

    clock.advance(FAILED_LOGIN_WINDOW_MS + 1000);
    expect((await login(org.adminEmail, org.adminPassword)).statusCode).toBe(200);
  });
});
