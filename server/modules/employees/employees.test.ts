// The employees API on both dialects: create, search (Cyrillic), filters and paging; managers of
// the same organisation and never a cycle; unique e-mail, personnel number and login; roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('employees on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
    other = await createTestOrg(t.deps, 'Чужая');
  });
  afterAll(async () => t?.close());

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    key = org.apiKey,
  ) => call(t.app, key, { method, url, ...(payload ? { payload } : {}) });
  const create = async (payload: object, key = org.apiKey) => {
    const res = await send('POST', '/api/v1/employees', payload, key);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const names = async (qs: string) =>
    (await send('GET', `/api/v1/employees?${qs}`))
      .json()
      .items.map((e: { name: string }) => e.name);

  it('creates employees with a manager and finds them by Cyrillic search, stage and status', async () => {
    const boss = await create({
      name: 'Пётр Ёлкин',
      position: 'Руководитель доставки',
      stageKey: 'delivery',
      email: 'Petr@Romashka.ru',
      hireDate: '2020-03-01',
      externalId: 'T-001',
    });
    expect(boss).toMatchObject({
      name: 'Пётр Ёлкин',
      email: 'petr@romashka.ru',
      status: 'active',
      manager: null,
      user: null,
      hireDate: '2020-03-01',
    });
    const courier = await create({
      name: 'Анна Смирнова',
      position: 'Курьер',
      stageKey: 'delivery',
      managerId: boss.id,
      phone: '+7 912 000-00-01',
      status: 'on_leave',
    });
    expect(courier.manager).toEqual({ id: boss.id, name: 'Пётр Ёлкин' });
    await create({ name: 'Ivan Sales', stageKey: 'sales', status: 'left' });

    expect(await names(`q=${encodeURIComponent('ЕЛКИН')}`)).toEqual(['Пётр Ёлкин']);
    expect(await names(`q=${encodeURIComponent('курь')}`)).toEqual(['Анна Смирнова']);
    expect(await names('q=t-001')).toEqual(['Пётр Ёлкин']);
    expect(await names('stage=delivery')).toEqual(['Пётр Ёлкин', 'Анна Смирнова']);
    expect(await names('status=left')).toEqual(['Ivan Sales']);
    expect(await names('stage=delivery&status=on_leave')).toEqual(['Анна Смирнова']);

    // Two per page: the cursor leads to the third, and no further.
    const first = (await send('GET', '/api/v1/employees?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await send('GET', `/api/v1/employees?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((e: { name: string }) => e.name)).toEqual(['Ivan Sales']);
    expect(second.nextCursor).toBeNull();

    const keys = (await send('GET', '/api/v1/employees/stage-keys')).json();
    expect(keys.items).toEqual(['delivery', 'sales']);
    // A team on first sight is a journey stage of the registry (ADR 012), also when patched in.
    await send('PATCH', `/api/v1/employees/${courier.id}`, { stageKey: 'склад' });
    const stages = (await send('GET', '/api/v1/stages')).json();
    expect(stages.items.map((s: { key: string }) => s.key).sort()).toEqual(
      ['delivery', 'sales', 'склад'].sort(),
    );
    // Another organisation sees none of them.
    const theirs = await send('GET', '/api/v1/employees', undefined, other.apiKey);
    expect(theirs.json().items).toEqual([]);
  });

  it('refuses a manager of another organisation with 404 and a cycle of managers with 422', async () => {
    const foreign = await create({ name: 'Чужой начальник' }, other.apiKey);
    const res = await send('POST', '/api/v1/employees', { name: 'Кто-то', managerId: foreign.id });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'not_found',
      invalidParams: [{ name: 'body.managerId', reason: 'unknown employee' }],
    });

    const a = await create({ name: 'А Первый' });
    const b = await create({ name: 'Б Второй', managerId: a.id });
    const c = await create({ name: 'В Третий', managerId: b.id });
    for (const [id, managerId] of [
      [a.id, c.id], // a → c → b → a
      [a.id, a.id], // a → a
    ]) {
      const cycle = await send('PATCH', `/api/v1/employees/${id}`, { managerId });
      expect(cycle.statusCode).toBe(422);
      expect(cycle.json()).toMatchObject({
        code: 'unprocessable',
        invalidParams: [{ name: 'body.managerId' }],
      });
    }
    expect((await send('GET', `/api/v1/employees/${a.id}`)).json().managerId).toBeNull();
    // Moving c under a is no cycle.
    const moved = await send('PATCH', `/api/v1/employees/${c.id}`, { managerId: a.id });
    expect(moved.json().manager).toEqual({ id: a.id, name: 'А Первый' });
  });

  it('answers 409 for a taken e-mail or personnel number, and links a login to one employee', async () => {
    await create({ name: 'Первая', email: 'one@romashka.ru', externalId: 'T-100' });
    const second = await create({ name: 'Вторая' });
    for (const [payload, param] of [
      [{ name: 'Дубль', email: 'ONE@romashka.ru' }, 'body.email'],
      [{ name: 'Дубль', externalId: 'T-100' }, 'body.externalId'],
    ] as const) {
      const res = await send('POST', '/api/v1/employees', payload);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', invalidParams: [{ name: param }] });
    }
    const patched = await send('PATCH', `/api/v1/employees/${second.id}`, {
      email: 'one@romashka.ru',
    });
    expect(patched.statusCode).toBe(409);

    // A user with the employee's e-mail is suggested, linked by PATCH, then shown.
    const user = (
      await send('POST', '/api/v1/users', {
        email: 'second@romashka.ru',
        name: 'Вторая Логин',
        password: 'long-enough-1',
        role: 'manager',
      })
    ).json();
    const withMail = await send('PATCH', `/api/v1/employees/${second.id}`, {
      email: 'second@romashka.ru',
    });
    expect(withMail.json()).toMatchObject({
      user: null,
      suggestedUser: { id: user.id, name: 'Вторая Логин' },
    });
    const linked = await send('PATCH', `/api/v1/employees/${second.id}`, { userId: user.id });
    expect(linked.json()).toMatchObject({
      user: { id: user.id, name: 'Вторая Логин' },
      suggestedUser: null,
    });
    const again = await send('POST', '/api/v1/employees', { name: 'Третья', userId: user.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().invalidParams).toEqual([
      { name: 'body.userId', reason: 'linked to another employee' },
    ]);
    // A user of another organisation is unknown here.
    const foreignUser = (
      await send(
        'POST',
        '/api/v1/users',
        { email: 'x@chuzhaya.ru', name: 'Чужой', password: 'long-enough-1', role: 'viewer' },
        other.apiKey,
      )
    ).json();
    const stranger = await send('POST', '/api/v1/employees', {
      name: 'Третья',
      userId: foreignUser.id,
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().invalidParams).toEqual([
      { name: 'body.userId', reason: 'unknown user' },
    ]);
  });

  it('deletes an employee, leaving their reports without a manager; roles decide who may write', async () => {
    const boss = await create({ name: 'Уходящий начальник' });
    const report = await create({ name: 'Подчинённый', managerId: boss.id });
    expect((await send('DELETE', `/api/v1/employees/${boss.id}`)).statusCode).toBe(204);
    expect((await send('GET', `/api/v1/employees/${boss.id}`)).statusCode).toBe(404);
    expect((await send('GET', `/api/v1/employees/${report.id}`)).json().managerId).toBeNull();
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.orgId)
      .where('target_id', '=', boss.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['employee.created', 'employee.deleted']);

    const keyFor = async (role: string) =>
      (await send('POST', '/api/v1/api-keys', { name: role, role })).json().secret as string;
    for (const role of ['analyst', 'viewer']) {
      const key = await keyFor(role);
      expect((await send('GET', '/api/v1/employees', undefined, key)).statusCode).toBe(200);
      expect((await send('POST', '/api/v1/employees', { name: 'Нельзя' }, key)).statusCode).toBe(
        403,
      );
      const patch = await send('PATCH', `/api/v1/employees/${report.id}`, { name: 'Нет' }, key);
      expect(patch.statusCode).toBe(403);
      expect(
        (await send('DELETE', `/api/v1/employees/${report.id}`, undefined, key)).statusCode,
      ).toBe(403);
    }
    const manager = await keyFor('manager');
    expect((await send('POST', '/api/v1/employees', { name: 'Можно' }, manager)).statusCode).toBe(
      201,
    );
  });
});
