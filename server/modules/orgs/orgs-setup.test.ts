// Organisations, people and keys: setting up an empty instance, by the first visitor or from
// the environment.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { loadConfig } from '../../config.ts';
import { bootstrapFromConfig } from './index.ts';

describe.each(testDialects())('organisations, people and keys on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
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
