// The stage registry over HTTP: create, list in journey order, rename, owner, targets, delete;
// the refusals (duplicate key 409, bad key 422 naming the field, another organisation's owner
// 404, roles) write nothing. Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

describe.each(testDialects())('journey stages on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    t = await createTestApp({ dialect });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (
      method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
      url: string,
      payload?: object,
    ) => call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const person = (
      await api('POST', '/api/v1/users', {
        email: 'olga@romashka.example.ru',
        name: 'Ольга',
        password: 'long-enough-pass',
        role: 'manager',
      })
    ).json();
    return { org, api, person };
  }

  it('creates stages in journey order with owners and targets, renames them, keeps the key', async () => {
    const { api, person } = await setup();
    const delivery = await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      ownerId: person.id,
      targets: [
        { metric: 'nps', target: 40, direction: 'up' },
        { metric: 'ces', target: 3, direction: 'down' },
      ],
    });
    expect(delivery.statusCode).toBe(201);
    expect(delivery.json()).toMatchObject({
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
      position: 1,
      ownerId: person.id,
      targets: [
        { metric: 'ces', target: 3, direction: 'down' },
        { metric: 'nps', target: 40, direction: 'up' },
      ],
    });
    const order = await api('POST', '/api/v1/stages', { key: 'заказ', position: 0 });
    // Named by the key when no names are given.
    expect(order.json()).toMatchObject({ nameRu: 'заказ', nameEn: 'заказ', position: 0 });
    const list = (await api('GET', '/api/v1/stages')).json().items;
    expect(list.map((s: { key: string }) => s.key)).toEqual(['заказ', 'доставка']);

    const id = delivery.json().id;
    const renamed = await api('PATCH', `/api/v1/stages/${id}`, {
      nameRu: 'Доставка до двери',
      ownerId: null,
    });
    expect(renamed.json()).toMatchObject({ key: 'доставка', nameRu: 'Доставка до двери' });
    expect(renamed.json().ownerId).toBeNull();
    const targets = await api('PUT', `/api/v1/stages/${id}/targets`, {
      targets: [{ metric: 'csat', target: 85.5, direction: 'up' }],
    });
    expect(targets.json().targets).toEqual([{ metric: 'csat', target: 85.5, direction: 'up' }]);
    expect((await api('GET', `/api/v1/stages/${id}`)).json().targets).toHaveLength(1);

    const audit = (await api('GET', '/api/v1/audit?limit=50')).json().items;
    const actions = audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['stage.created', 'stage.updated', 'stage.targets_set']),
    );

    expect((await api('DELETE', `/api/v1/stages/${order.json().id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/stages/${order.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate key (409), a bad key (422 naming body.key) and bad targets', async () => {
    const { api } = await setup();
    expect((await api('POST', '/api/v1/stages', { key: 'оплата' })).statusCode).toBe(201);
    const dup = await api('POST', '/api/v1/stages', { key: 'оплата', nameEn: 'Payment' });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dup.json().code).toBe('stage_key_taken');
    for (const key of ['', ' оплата', 'оплата ', 'a\u0007b', 'x'.repeat(101)]) {
      const bad = await api('POST', '/api/v1/stages', { key });
      expect(bad.statusCode, JSON.stringify(key)).toBe(422);
      expect(bad.json().invalidParams[0].name).toBe('body.key');
    }
    const twice = await api('POST', '/api/v1/stages', {
      key: 'возврат',
      targets: [
        { metric: 'nps', target: 1, direction: 'up' },
        { metric: 'nps', target: 2, direction: 'up' },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().invalidParams[0].name).toBe('body.targets.1.metric');
    const badMetric = await api('POST', '/api/v1/stages', {
      key: 'возврат',
      targets: [{ metric: 'NPS score', target: 1, direction: 'sideways' }],
    });
    expect(badMetric.statusCode).toBe(400);
    const items = (await api('GET', '/api/v1/stages')).json().items;
    expect(items.map((s: { key: string }) => s.key)).toEqual(['оплата']);
  });

  it("refuses an owner from another organisation (404) and another organisation's stage", async () => {
    const { api } = await setup();
    const other = await createTestOrg(t.deps, 'Другая');
    const stranger = (
      await call(t.app, other.apiKey, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email: 'spy@other.example', name: 'Spy', password: 'long-enough-pass' },
      })
    ).json();
    const res = await api('POST', '/api/v1/stages', { key: 'поддержка', ownerId: stranger.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().invalidParams[0].name).toBe('body.ownerId');
    const mine = (await api('POST', '/api/v1/stages', { key: 'поддержка' })).json();
    const patch = await api('PATCH', `/api/v1/stages/${mine.id}`, { ownerId: stranger.id });
    expect(patch.statusCode).toBe(404);
    expect((await api('GET', `/api/v1/stages/${mine.id}`)).json().ownerId).toBeNull();
    const theirs = await call(t.app, other.apiKey, {
      method: 'GET',
      url: `/api/v1/stages/${mine.id}`,
    });
    expect(theirs.statusCode).toBe(404);
  });

  it('lets every role read stages and only an admin change them', async () => {
    const { api } = await setup();
    const key = async (role: string) =>
      (await api('POST', '/api/v1/api-keys', { name: role, role })).json().secret as string;
    for (const role of ['manager', 'analyst', 'viewer']) {
      const secret = await key(role);
      expect((await call(t.app, secret, { method: 'GET', url: '/api/v1/stages' })).statusCode).toBe(
        200,
      );
      const create = await call(t.app, secret, {
        method: 'POST',
        url: '/api/v1/stages',
        payload: { key: role },
      });
      expect(create.statusCode).toBe(403);
    }
    expect((await api('GET', '/api/v1/stages')).json().items).toEqual([]);
  });
});
