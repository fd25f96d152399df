// Resolution codes (issue 21): every organisation starts with the six defaults; an admin adds,
// renames, reorders and retires codes; resolving asks for an active code of the organisation
// (422 with a stable code otherwise); the count of resolved cases by code for a period, and its
// drill-down listing exactly the cases counted. Hand-made expectations, fixed clock, both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

const DAY = 86_400_000;

describe.each(testDialects())('resolution codes on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t?.close());

  async function setup() {
    const clock = fixedClock('2026-11-02T09:00:00.000Z');
    t = await createTestApp({ dialect, clock });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
    const open = async (title: string) =>
      (await api('POST', '/api/v1/cases', { title })).json().id as string;
    return { clock, org, api, open };
  }

  it('starts with the defaults; add, rename, reorder, retire; managers may not edit', async () => {
    const { api } = await setup();
    const first = (await api('GET', '/api/v1/cases/resolution-codes')).json().items;
    expect(first.map((c: { nameRu: string }) => c.nameRu)).toEqual([
      'Решено: исправили',
      'Компенсация',
      'Объяснили / консультация',
      'Не подтвердилось',
      'Дубликат',
      'Клиент не ответил',
    ]);
    expect(first[2].nameEn).toBe('Explained / advice given');
    // A second read seeds nothing more.
    expect((await api('GET', '/api/v1/cases/resolution-codes')).json().items).toHaveLength(6);

    const added = await api('POST', '/api/v1/cases/resolution-codes', {
      nameRu: 'Передали партнёру',
      nameEn: 'Handed to a partner',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ position: 7, retired: false });
    const renamed = await api('PATCH', `/api/v1/cases/resolution-codes/${first[1].id}`, {
      nameRu: 'Компенсация деньгами',
    });
    expect(renamed.json()).toMatchObject({
      nameRu: 'Компенсация деньгами',
      nameEn: 'Compensation',
    });
    // The added code first, the rest as they were.
    const order = [added.json().id, ...first.map((c: { id: string }) => c.id)];
    const reordered = await api('PUT', '/api/v1/cases/resolution-codes/order', { order });
    expect(reordered.json().items.map((c: { id: string }) => c.id)).toEqual(order);
    // An order that leaves a code out is refused.
    const partial = await api('PUT', '/api/v1/cases/resolution-codes/order', {
      order: order.slice(1),
    });
    expect([partial.statusCode, partial.json().code]).toEqual([422, 'unprocessable']);

    const manager = (await api('POST', '/api/v1/api-keys', { name: 'm', role: 'manager' })).json();
    const denied = await call(t.app, manager.secret, {
      method: 'POST',
      url: '/api/v1/cases/resolution-codes',
      payload: { nameRu: 'Нет', nameEn: 'No' },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('takes only an active code of the organisation when resolving (422 otherwise)', async () => {
    const { api, open } = await setup();
    const codes = (await api('GET', '/api/v1/cases/resolution-codes')).json().items;
    const duplicate = codes.find((c: { key: string }) => c.key === 'duplicate');
    await api('PATCH', `/api/v1/cases/resolution-codes/${duplicate.id}`, { retired: true });
    // Organisation B's own code: its key means nothing in A.
    const b = await createTestOrg(t.deps, 'Бета');
    const bCode = await call(t.app, b.apiKey, {
      method: 'POST',
      url: '/api/v1/cases/resolution-codes',
      payload: { nameRu: 'Только у Беты', nameEn: 'Beta only' },
    });
    expect(bCode.json().key).toBe('code_7');

    const id = await open('Не пришёл заказ');
    const resolve = (extra: object) =>
      api('PATCH', `/api/v1/cases/${id}`, { status: 'resolved', resolution: 'Готово', ...extra });
    for (const [extra, code] of [
      [{ resolutionCode: 'no_such_code' }, 'unknown_resolution_code'],
      [{ resolutionCode: bCode.json().key }, 'unknown_resolution_code'],
      [{ resolutionCode: 'duplicate' }, 'resolution_code_retired'],
    ] as const) {
      const res = await resolve(extra);
      expect([res.statusCode, res.json().code], JSON.stringify(extra)).toEqual([422, code]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await api('GET', `/api/v1/cases/${id}`)).json().status).toBe('new');

    const done = await resolve({ resolutionCode: 'compensation' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', resolutionCode: 'compensation' });
    const events = (await api('GET', `/api/v1/cases/${id}/events`)).json().items;
    expect(events.find((e: { kind: string }) => e.kind === 'resolution_code').body).toBe(
      'compensation',
    );
    // Reopened, the case loses its code; a code without resolving is refused.
    const reopened = await api('PATCH', `/api/v1/cases/${id}`, { status: 'in_progress' });
    expect(reopened.json().resolutionCode).toBeNull();
    const stray = await api('PATCH', `/api/v1/cases/${id}`, { resolutionCode: 'fixed' });
    expect([stray.statusCode, stray.json().code]).toEqual([422, 'unprocessable']);

    // Through the API a case also resolves without a code (an integration that knows none; the
    // UI always asks for one): it counts as "without a code".
    const plain = await resolve({});
    expect(plain.json()).toMatchObject({ status: 'resolved', resolutionCode: null });
  });

  it('counts resolved cases by code for a period, and the drill-down lists exactly them', async () => {
    const { clock, api, open } = await setup();
    const resolveAs = async (title: string, resolutionCode: string) => {
      const id = await open(title);
      const res = await api('PATCH', `/api/v1/cases/${id}`, { status: 'resolved', resolutionCode });
      expect(res.statusCode, res.body).toBe(200);
      return id;
    };
    const before = await resolveAs('До периода', 'fixed'); // 2 Nov: outside
    clock.advance(2 * DAY); // 4 Nov: inside [3 Nov, 10 Nov)
    const fixedA = await resolveAs('Исправили 1', 'fixed');
    const fixedB = await resolveAs('Исправили 2', 'fixed');
    const dup = await resolveAs('Дубль', 'duplicate');
    const reopened = await resolveAs('Открыли снова', 'explained');
    await api('PATCH', `/api/v1/cases/${reopened}`, { status: 'in_progress' });
    const closed = await resolveAs('Закрыт', 'compensation');
    await api('PATCH', `/api/v1/cases/${closed}`, { status: 'closed' });
    await open('Ещё открыт');
    clock.advance(7 * DAY); // 11 Nov: outside
    await resolveAs('После периода', 'duplicate');

    const from = '2026-11-03T00:00:00.000Z';
    const to = '2026-11-10T00:00:00.000Z';
    const res = await api('GET', `/api/v1/cases/resolution-counts?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    const counts = Object.fromEntries(
      res.json().items.map((r: { code: string; count: number }) => [r.code, r.count]),
    );
    expect(counts).toEqual({
      fixed: 2,
      compensation: 1,
      explained: 0,
      not_confirmed: 0,
      duplicate: 1,
      no_answer: 0,
    });
    const drill = async (code: string) =>
      (
        await api(
          'GET',
          `/api/v1/cases?status=resolved,closed&resolvedFrom=${from}&resolvedTo=${to}&resolutionCode=${code}`,
        )
      )
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort();
    expect(await drill('fixed')).toEqual([fixedA, fixedB].sort());
    expect(await drill('duplicate')).toEqual([dup]);
    expect(await drill('compensation')).toEqual([closed]);
    expect(await drill('explained')).toEqual([]);
    expect(await drill('fixed')).not.toContain(before);

    const backwards = await api('GET', `/api/v1/cases/resolution-counts?from=${to}&to=${from}`);
    expect([backwards.statusCode, backwards.json().code]).toEqual([422, 'unprocessable']);
  });
});
