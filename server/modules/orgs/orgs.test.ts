import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { loadConfig } from '../../config.ts';
import { bootstrapFromConfig } from './index.ts';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(';')[0]!;
}

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

  it('stores API keys hashed, shows the secret once, and stops accepting a revoked key', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const created = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'CRM', role: 'manager' },
    });
    expect(created.statusCode).toBe(201);
    const { id, secret, prefix } = created.json();
    expect(secret.startsWith(prefix)).toBe(true);
    const stored = await t.deps.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const list = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/api-keys' });
    expect(JSON.stringify(list.json())).not.toContain(secret);

    expect((await call(t.app, secret, { method: 'GET', url: '/api/v1/org' })).statusCode).toBe(200);
    expect(
      (await call(t.app, org.apiKey, { method: 'DELETE', url: `/api/v1/api-keys/${id}` })).json()
        .revokedAt,
    ).toBeTruthy();
    const revoked = await call(t.app, secret, { method: 'GET', url: '/api/v1/org' });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('unauthorized');
  });

  it('checks roles in the service: a manager key cannot manage people or mint an admin key', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const manager = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'm', role: 'manager' },
      })
    ).json().secret;
    const addUser = await call(t.app, manager, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'x@example.com', name: 'X', password: 'long-enough' },
    });
    expect(addUser.statusCode).toBe(403);
    expect(addUser.json().code).toBe('forbidden');
    expect(
      (
        await call(t.app, manager, {
          method: 'POST',
          url: '/api/v1/api-keys',
          payload: { name: 'up', role: 'admin' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await call(t.app, manager, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(
      200,
    );
  });

  it('adds people, refuses a taken e-mail, keeps the last admin, and ends sessions of a disabled person', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    const add = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'Maria@Example.com',
        name: 'Мария',
        password: 'long-enough-1',
        role: 'manager',
        language: 'en',
      },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({
      email: 'maria@example.com',
      role: 'manager',
      language: 'en',
      disabled: false,
    });
    const dup = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'maria@example.com', name: 'M', password: 'long-enough-1' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('email_taken');

    const users = (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/users' })).json()
      .items;
    const admin = users.find((u: { role: string }) => u.role === 'admin');
    const demote = await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(409);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'maria@example.com', password: 'long-enough-1' },
    });
    const cookie = cookieOf(login);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: { cookie } })).statusCode,
    ).toBe(200);
    await call(t.app, org.apiKey, {
      method: 'PATCH',
      url: `/api/v1/users/${add.json().id}`,
      payload: { disabled: true },
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org', headers: { cookie } })).statusCode,
    ).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'maria@example.com', password: 'long-enough-1' },
    });
    expect(again.statusCode).toBe(401);

    const audit = (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit?limit=100' }))
      .json()
      .items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(['org.created', 'user.created', 'user.updated', 'auth.login']),
    );
  });

  it('pages through people with a cursor', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    for (let i = 0; i < 4; i++) {
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: `p${i}@example.com`, name: `P${i}`, password: 'long-enough-1' },
      });
    }
    const first = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/users?limit=3' })
    ).json();
    expect(first.items).toHaveLength(3);
    const second = (
      await call(t.app, org.apiKey, {
        method: 'GET',
        url: `/api/v1/users?limit=3&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((u: { id: string }) => u.id);
    expect(new Set(all).size).toBe(5);
  });

  it('lets the first visitor set up an empty instance exactly once', async () => {
    t = await createTestApp({ dialect });
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json().setupRequired).toBe(
      true,
    );
    const body = {
      orgName: 'Ромашка',
      name: 'Иван',
      email: 'ivan@example.ru',
      password: 'long-enough-1',
      language: 'ru',
    };
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { ...body, email: 'other@example.ru' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('already_set_up');
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json().setupRequired).toBe(
      false,
    );
    expect(await t.deps.db.selectFrom('orgs').selectAll().execute()).toHaveLength(1);
  });

  it('bootstraps the admin and API key from the environment on an empty database only', async () => {
    t = await createTestApp({ dialect });
    const env = {
      DATABASE_URL: t.testDb.url,
      CLIENTLOOP_ADMIN_EMAIL: 'boot@example.com',
      CLIENTLOOP_ADMIN_PASSWORD: 'long-enough-1',
      CLIENTLOOP_API_KEY: 'bootstrap-key-0123456789',
    };
    const sys = { ...t.deps, config: loadConfig(env) };
    expect(await bootstrapFromConfig(sys)).toBeDefined();
    expect(await bootstrapFromConfig(sys)).toBeUndefined();
    expect(
      (await call(t.app, 'bootstrap-key-0123456789', { method: 'GET', url: '/api/v1/org' }))
        .statusCode,
    ).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'boot@example.com', password: 'long-enough-1' },
    });
    expect(login.statusCode).toBe(200);
  });
});
