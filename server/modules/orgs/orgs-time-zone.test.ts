// The organisation's time zone: UTC unless set, set at set-up or by an admin, stored in the
// runtime's spelling, refused with the field named when it is not a zone, and read by the
// modules above through orgTimeZone.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { createOrganisation, orgTimeZone } from './index.ts';

describe.each(testDialects())('the organisation time zone on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  const getOrg = (key: string) => call(t.app, key, { method: 'GET', url: '/api/v1/org' });
  const patchOrg = (key: string, payload: object) =>
    call(t.app, key, { method: 'PATCH', url: '/api/v1/org', payload });

  it('is UTC until an admin sets it; the spelling is normalised and other settings stay', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Ромашка');
    expect((await getOrg(org.apiKey)).json()).toMatchObject({ name: 'Ромашка', timeZone: 'UTC' });
    expect(await orgTimeZone({ db: t.deps.db, orgId: org.orgId })).toBe('UTC');

    const set = await patchOrg(org.apiKey, { timeZone: 'Europe/Moscow' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      name: 'Ромашка',
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
    });
    expect(await orgTimeZone({ db: t.deps.db, orgId: org.orgId })).toBe('Europe/Moscow');

    const lower = await patchOrg(org.apiKey, { timeZone: 'asia/yekaterinburg' });
    expect(lower.json().timeZone).toBe('Asia/Yekaterinburg');
    // Renaming leaves the zone alone.
    const renamed = await patchOrg(org.apiKey, { name: 'Ромашка-2' });
    expect(renamed.json()).toMatchObject({ name: 'Ромашка-2', timeZone: 'Asia/Yekaterinburg' });
    const audit = await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/audit' });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('org.updated');
  });

  it('refuses what is not a zone, naming the field, and lets only admins change it', async () => {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps);
    await patchOrg(org.apiKey, { timeZone: 'Asia/Novosibirsk' });
    for (const timeZone of ['Mars/Olympus', 'MSK+1', '', 'Europe/Moscow; drop table orgs']) {
      const res = await patchOrg(org.apiKey, { timeZone });
      expect(res.statusCode, timeZone).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toEqual([
        'body.timeZone',
      ]);
    }
    // A refused patch writes nothing, not even the valid name beside the bad zone.
    expect(
      (await patchOrg(org.apiKey, { name: 'Новое', timeZone: 'Nowhere/City' })).statusCode,
    ).toBe(400);
    expect((await getOrg(org.apiKey)).json()).toMatchObject({
      name: 'Org',
      timeZone: 'Asia/Novosibirsk',
    });

    const manager = (
      await call(t.app, org.apiKey, {
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'CRM', role: 'manager' },
      })
    ).json().secret;
    expect((await getOrg(manager)).json().timeZone).toBe('Asia/Novosibirsk');
    const denied = await patchOrg(manager, { timeZone: 'UTC' });
    expect(denied.statusCode).toBe(403);
    expect((await getOrg(org.apiKey)).json().timeZone).toBe('Asia/Novosibirsk');
  });

  it('takes the zone given at set-up, and UTC when none is', async () => {
    t = await createTestApp({ dialect });
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        orgName: 'Ромашка',
        name: 'Иван',
        email: 'ivan@example.ru',
        password: 'long-enough-1',
        timeZone: 'Europe/Samara',
      },
    });
    expect(setup.statusCode).toBe(201);
    expect(setup.json().org.timeZone).toBe('Europe/Samara');

    const plain = await t.deps.db
      .transaction()
      .execute((trx) => createOrganisation(trx, t.deps.clock, { name: 'Без пояса' }));
    expect(await orgTimeZone({ db: t.deps.db, orgId: plain.orgId })).toBe('UTC');
    // Callers that bypass the HTTP schema (the CLI, bootstrap) get the 422 naming the field.
    await expect(
      t.deps.db
        .transaction()
        .execute((trx) =>
          createOrganisation(trx, t.deps.clock, { name: 'Плохой', timeZone: 'Moscow' }),
        ),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      details: { invalidParams: [{ name: 'body.timeZone' }] },
    });
    expect(await t.deps.db.selectFrom('orgs').select('name').orderBy('name').execute()).toEqual([
      { name: 'Без пояса' },
      { name: 'Ромашка' },
    ]);
  });

  it('refuses a bad zone at set-up without setting anything up', async () => {
    t = await createTestApp({ dialect });
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        orgName: 'Ромашка',
        name: 'Иван',
        email: 'ivan@example.ru',
        password: 'long-enough-1',
        timeZone: 'Europe/Atlantis',
      },
    });
    expect(setup.statusCode).toBe(400);
    expect(setup.json().invalidParams[0].name).toBe('body.timeZone');
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json().setupRequired).toBe(
      true,
    );
  });
});
