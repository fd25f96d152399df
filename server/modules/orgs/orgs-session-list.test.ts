// A person's sessions (issue 19): the list with address, user agent and the current one marked;
// revoking another session ends it at once; signing out everywhere; the idle timeout; and the
// `__Host-` cookie prefix when the cookie is Secure.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { cookieOf } from './orgs.fixtures.ts';

async function signIn(t: TestApp, email: string, password: string, ua: string, ip = '127.0.0.1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    headers: { 'user-agent': ua },
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: cookieOf(res), csrf: res.json().csrfToken as string, res };
}

describe.each(testDialects())('sessions on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('lists sessions with address and browser, revokes another at once, signs out everywhere', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const laptop = await signIn(t, org.adminEmail, org.adminPassword, 'Laptop/1.0', '10.0.0.1');
    const phone = await signIn(t, org.adminEmail, org.adminPassword, 'Phone/2.0', '10.0.0.2');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { cookie: laptop.cookie, 'user-agent': 'Laptop/1.0' },
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      ip: string;
      userAgent: string;
      current: boolean;
      createdAt: string;
      lastSeenAt: string;
    }[];
    expect(items).toHaveLength(2);
    const mine = items.find((s) => s.current)!;
    const other = items.find((s) => !s.current)!;
    expect(mine).toMatchObject({ ip: '10.0.0.1', userAgent: 'Laptop/1.0' });
    expect(other).toMatchObject({ ip: '10.0.0.2', userAgent: 'Phone/2.0' });
    expect(mine.lastSeenAt >= mine.createdAt).toBe(true);

    // Someone else cannot end my session: a second person gets 404 for its id.
    await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'b@example.com', name: 'B', password: 'long-enough-1', role: 'viewer' },
    });
    const b = await signIn(t, 'b@example.com', 'long-enough-1', 'B/1');
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrf },
    });
    expect(foreign.statusCode).toBe(404);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${other.id}`,
      remoteAddress: '10.0.0.1',
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf, 'user-agent': 'Laptop/1.0' },
    });
    expect(revoke.statusCode).toBe(204);
    const phoneAfter = await t.app.inject({
      method: 'GET',
      url: '/api/v1/org',
      headers: { cookie: phone.cookie },
    });
    expect(phoneAfter.statusCode).toBe(401);
    const laptopAfter = await t.app.inject({
      method: 'GET',
      url: '/api/v1/org',
      headers: { cookie: laptop.cookie },
    });
    expect(laptopAfter.statusCode).toBe(200);

    const everywhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/sessions/sign-out-everywhere',
      remoteAddress: '10.0.0.1',
      headers: { cookie: laptop.cookie, 'x-csrf-token': laptop.csrf, 'user-agent': 'Laptop/1.0' },
    });
    expect(everywhere.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/org',
          headers: { cookie: laptop.cookie },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(200);

    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit' });
    const actions = (audit.json().items as { action: string; ip: string; userAgent: string }[])
      .filter((a) => a.action.startsWith('session.'))
      .map((a) => [a.action, a.ip, a.userAgent]);
    expect(actions).toEqual([
      ['session.revoked_all', '10.0.0.1', 'Laptop/1.0'],
      ['session.revoked', '10.0.0.1', 'Laptop/1.0'],
    ]);
  });

  it('ends a session left unused for the idle timeout, and keeps one in use alive', async () => {
    const clock = fixedClock('2026-06-01T09:00:00Z');
    t = await createTestApp({ dialect, clock, env: { SESSION_IDLE_MINUTES: '30' } });
    const org = await createTestOrg(t.deps);
    const used = await signIn(t, org.adminEmail, org.adminPassword, 'A');
    const idle = await signIn(t, org.adminEmail, org.adminPassword, 'B');
    const get = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/org', headers: { cookie } });
    // Used every 20 minutes for an hour: alive; the other one, untouched, ends after 30.
    for (let i = 0; i < 3; i++) {
      clock.advance(20 * 60_000);
      expect((await get(used.cookie)).statusCode).toBe(200);
    }
    expect((await get(idle.cookie)).statusCode).toBe(401);
    clock.advance(30 * 60_000);
    expect((await get(used.cookie)).statusCode).toBe(401);
  });

  it('names the cookie __Host- when it is Secure, and plain on http', async () => {
    t = await createTestApp({ dialect, env: { PUBLIC_URL: 'https://cx.example.com' } });
    const org = await createTestOrg(t.deps);
    const login = await signIn(t, org.adminEmail, org.adminPassword, 'A');
    const header = String([login.res.headers['set-cookie']].flat()[0]);
    expect(header).toMatch(/^__Host-cl_session=/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: login.cookie },
    });
    expect(ok.statusCode).toBe(200);
    // The unprefixed name is not accepted where the prefix is in force.
    const plain = login.cookie.replace('__Host-', '');
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/org',
      headers: { cookie: plain },
    });
    expect(refused.statusCode).toBe(401);
    await t.close();

    t = await createTestApp({ dialect });
    const org2 = await createTestOrg(t.deps);
    const http = await signIn(t, org2.adminEmail, org2.adminPassword, 'A');
    expect(String([http.res.headers['set-cookie']].flat()[0])).toMatch(/^cl_session=/);
  });
});
