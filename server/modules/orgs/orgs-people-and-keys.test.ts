// Organisations, people and keys: API keys, roles, and the people of an organisation.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { cookieOf } from './orgs.fixtures.ts';

describe.each(testDialects())('organisations, people and keys on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
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
    // A manager key cannot even hold the admin scope (issue 19), so the scope check refuses first.
    expect(addUser.json().code).toBe('insufficient_scope');
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
});
