// Training plan items (one click from a gap, the XLSX export) and onboarding checklists (from
// the template on a new hire, by hand, ticked with who and when), on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { readXlsx } from '../../../tests/support/list-exports.ts';
import { systemCtx } from '../../context.ts';
import { trainingItemsByIds } from './index.ts';

describe.each(testDialects())('training and onboarding on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-05-20T09:00:00Z');
  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  it('answers empty lists as empty (no empty IN lists reach PostgreSQL)', async () => {
    expect((await api('GET', '/api/v1/onboarding/checklists')).json()).toEqual({ items: [] });
    const gaps = await api('GET', '/api/v1/competencies/gaps?stage=nobody');
    expect(gaps.json()).toMatchObject({ people: [], pairs: 0, coverage: null });
    expect(await trainingItemsByIds(systemCtx(t.deps, org.orgId), [])).toEqual([]);
  });

  it('creates a training item from a gap with one click, changes it and exports the plan', async () => {
    const comp = (
      await api('POST', '/api/v1/competencies', { nameRu: 'Эмпатия', nameEn: 'Empathy' })
    ).json();
    const anna = (await api('POST', '/api/v1/employees', { name: 'Анна' })).json();
    const res = await api('POST', '/api/v1/training-items', {
      employeeId: anna.id,
      competencyId: comp.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    // The organisation speaks Russian by default: the title is the competency's Russian name.
    expect(res.json()).toMatchObject({
      employee: { id: anna.id, name: 'Анна' },
      competency: { id: comp.id, nameEn: 'Empathy' },
      kind: 'course',
      title: 'Эмпатия',
      status: 'planned',
      dueDate: null,
    });
    const id = res.json().id;
    const patched = await api('PATCH', `/api/v1/training-items/${id}`, {
      status: 'in_progress',
      dueDate: '2026-06-30',
      kind: 'mentoring',
    });
    expect(patched.json()).toMatchObject({ status: 'in_progress', dueDate: '2026-06-30' });
    expect((await api('POST', '/api/v1/training-items', { employeeId: anna.id })).statusCode).toBe(
      400,
    );
    expect(
      (await api('PATCH', `/api/v1/training-items/${id}`, { dueDate: '2026-02-30' })).statusCode,
    ).toBe(400);
    await api('POST', '/api/v1/training-items', {
      employeeId: anna.id,
      title: 'Наставник: разбор звонков',
      kind: 'on_the_job',
    });
    const list = (await api('GET', `/api/v1/training-items?employeeId=${anna.id}`)).json();
    expect(list.items.map((i: { title: string }) => i.title)).toEqual([
      'Эмпатия',
      'Наставник: разбор звонков',
    ]);
    const inProgress = (await api('GET', '/api/v1/training-items?status=in_progress')).json();
    expect(inProgress.items).toHaveLength(1);
    const file = await api('GET', '/api/v1/training-items/export?format=xlsx&lang=ru');
    expect(file.statusCode).toBe(200);
    const rows = await readXlsx(file.rawPayload);
    expect(rows[0]).toEqual([
      'Сотрудник',
      'Компетенция',
      'Вид',
      'Название',
      'Срок',
      'Статус',
      'ID',
    ]);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['Эмпатия', 'Наставник: разбор звонков']);
    // The strategy map's read: by ids, another organisation's ids simply not found.
    const other = await createTestOrg(t.deps, 'Чужая');
    const refs = await trainingItemsByIds(systemCtx(t.deps, org.orgId), [id, id]);
    expect(refs).toEqual([
      {
        id,
        title: 'Эмпатия',
        kind: 'mentoring',
        status: 'in_progress',
        dueDate: '2026-06-30',
        employee: { id: anna.id, name: 'Анна' },
      },
    ]);
    expect(await trainingItemsByIds(systemCtx(t.deps, other.orgId), [id])).toEqual([]);
    expect((await api('DELETE', `/api/v1/training-items/${id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/training-items/${id}`)).statusCode).toBe(404);
    const viewer = (await api('POST', '/api/v1/api-keys', { name: 'v', role: 'viewer' })).json();
    const denied = await call(t.app, viewer.secret, {
      method: 'POST',
      url: '/api/v1/training-items',
      payload: { employeeId: anna.id, title: 'Нельзя' },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('starts the checklist for a new hire from the template, and ticks items with who and when', async () => {
    const put = await api('PUT', '/api/v1/onboarding/template', {
      items: [
        { titleRu: 'Выдать пропуск', titleEn: 'Issue the badge' },
        { titleRu: 'Знакомство с командой', titleEn: 'Meet the team' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    // Hired 2026-03-01: 80 days before 2026-05-20 → a checklist; 2026-02-01 (108 days) → none.
    const fresh = (
      await api('POST', '/api/v1/employees', { name: 'Новичок', hireDate: '2026-03-01' })
    ).json();
    const old = (
      await api('POST', '/api/v1/employees', { name: 'Старожил', hireDate: '2026-02-01' })
    ).json();
    const lists = (await api('GET', '/api/v1/onboarding/checklists')).json().items;
    expect(lists.map((l: { employee: { name: string } }) => l.employee.name)).toEqual(['Новичок']);
    const list = lists[0];
    expect(list).toMatchObject({ done: 0, total: 2, employee: { id: fresh.id } });
    expect(list.items.map((i: { titleEn: string }) => i.titleEn)).toEqual([
      'Issue the badge',
      'Meet the team',
    ]);
    clock.advance(3_600_000);
    const ticked = await api(
      'PUT',
      `/api/v1/onboarding/checklists/${list.id}/items/${list.items[0].id}`,
      {
        done: true,
      },
    );
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json()).toMatchObject({ done: 1, total: 2 });
    expect(ticked.json().items[0].doneAt).toBe('2026-05-20T10:00:00.000Z');
    // By hand for the old hire; a second one is a conflict.
    const byHand = await api('POST', '/api/v1/onboarding/checklists', { employeeId: old.id });
    expect(byHand.statusCode, byHand.body).toBe(201);
    expect(
      (await api('POST', '/api/v1/onboarding/checklists', { employeeId: old.id })).statusCode,
    ).toBe(409);
    const undone = await api(
      'PUT',
      `/api/v1/onboarding/checklists/${list.id}/items/${list.items[0].id}`,
      {
        done: false,
      },
    );
    expect(undone.json()).toMatchObject({ done: 0 });
  });
});
