// The strategy map (issue 18): goals in four perspectives, arrows (no self-arrow, no duplicate, no
// cycle), manual KPIs with a dated history, bindings refused with stable codes, items under goals,
// roles (admins edit, every role reads) and the KPI export; both dialects, fixed clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, createTestOrg, type TestApp } from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { fixedClock } from '../../lib/clock.ts';

describe.each(testDialects())('the strategy map on %s', (dialect) => {
  let t: TestApp;
  let api: (method: string, url: string, payload?: object, key?: string) => Promise<any>;
  let other: (method: string, url: string, payload?: object) => Promise<any>;
  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock('2026-12-10T09:00:00.000Z') });
    const org = await createTestOrg(t.deps, 'Ромашка');
    const b = await createTestOrg(t.deps, 'Чужая');
    api = async (method, url, payload, key) =>
      call(t.app, key ?? org.apiKey, {
        method: method as 'GET',
        url,
        ...(payload ? { payload } : {}),
      });
    other = async (method, url, payload) =>
      call(t.app, b.apiKey, { method: method as 'GET', url, ...(payload ? { payload } : {}) });
  });
  afterAll(async () => t?.close());

  const goal = async (perspective: string, title: string, extra: object = {}) => {
    const res = await api('POST', '/api/v1/strategy/goals', { perspective, title, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('draws arrows cause → effect, refusing a self-arrow, a duplicate and a cycle', async () => {
    const learn = await goal('learning_growth', 'Обучить менеджеров');
    const process = await goal('processes', 'Доставка вовремя');
    const client = await goal('clients', 'Лояльность');
    const arrow = (cause: string, effect: string) =>
      api('PUT', `/api/v1/strategy/goals/${cause}/effects/${effect}`);
    expect((await arrow(learn, process)).statusCode).toBe(201);
    expect((await arrow(process, client)).statusCode).toBe(201);
    const self = await arrow(learn, learn);
    expect([self.statusCode, self.json().code]).toEqual([422, 'invalid_arrow']);
    const twice = await arrow(learn, process);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'conflict']);
    const back = await arrow(process, learn);
    expect([back.statusCode, back.json().code]).toEqual([422, 'invalid_arrow']);
    const around = await arrow(client, learn);
    expect([around.statusCode, around.json().code]).toEqual([422, 'invalid_arrow']);
    expect(around.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Another organisation's goal is not there, on either end.
    const foreign = (
      await other('POST', '/api/v1/strategy/goals', { perspective: 'financial', title: 'x' })
    ).json().id;
    expect((await arrow(learn, foreign)).statusCode).toBe(404);
    expect(
      (await other('PUT', `/api/v1/strategy/goals/${foreign}/effects/${learn}`)).statusCode,
    ).toBe(404);
    const map = (await api('GET', '/api/v1/strategy/map')).json();
    expect(map.perspectives).toEqual(['learning_growth', 'processes', 'clients', 'financial']);
    expect(map.arrows).toEqual([
      { causeGoalId: learn, effectGoalId: process },
      { causeGoalId: process, effectGoalId: client },
    ]);
    expect(
      (await api('DELETE', `/api/v1/strategy/goals/${learn}/effects/${process}`)).statusCode,
    ).toBe(204);
    expect((await arrow(client, learn)).statusCode).toBe(201); // no cycle any more
    // Deleting a goal takes its arrows along.
    expect((await api('DELETE', `/api/v1/strategy/goals/${client}`)).statusCode).toBe(204);
    const after = (await api('GET', '/api/v1/strategy/map')).json();
    expect(after.arrows).toEqual([]);
    expect(after.goals.map((g: { id: string }) => g.id)).not.toContain(client);
  });

  it('keeps a manual KPI’s history; the latest day is its value; bound KPIs take none', async () => {
    const g = await goal('learning_growth', 'Компетенции');
    const kpi = (
      await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
        name: 'Доля обученных',
        unit: '%',
        target: 80,
        direction: 'up',
        dueDate: '2027-06-30',
      })
    ).json();
    expect(kpi).toMatchObject({ source: 'manual', binding: null, status: null });
    expect(kpi.current).toEqual({ value: null, onDate: null, window: null, unavailable: null });
    const put = (onDate: string, value: number) =>
      api('PUT', `/api/v1/strategy/kpis/${kpi.id}/values`, { onDate, value });
    await put('2026-11-01', 40);
    await put('2026-12-01', 70);
    const hist = await put('2026-11-01', 45); // replaces that day
    expect(hist.json().items).toEqual([
      { onDate: '2026-12-01', value: 70 },
      { onDate: '2026-11-01', value: 45 },
    ]);
    // 70 against 80 up: 10 short > 8 (10 % of 80) → red.
    const now = (await api('GET', `/api/v1/strategy/kpis/${kpi.id}`)).json();
    expect(now.current).toMatchObject({ value: 70, onDate: '2026-12-01' });
    expect(now.status).toBe('red');
    expect(
      (await api('DELETE', `/api/v1/strategy/kpis/${kpi.id}/values/2026-12-01`)).statusCode,
    ).toBe(204);
    expect((await api('GET', `/api/v1/strategy/kpis/${kpi.id}`)).json().current.value).toBe(45);
    const bad = await put('2026-13-01', 1);
    expect(bad.statusCode).toBe(400);

    const bound = (
      await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
        name: 'Выручка',
        direction: 'up',
        binding: { metric: 'economics.revenue' },
      })
    ).json();
    const refused = await api('PUT', `/api/v1/strategy/kpis/${bound.id}/values`, {
      onDate: '2026-12-01',
      value: 1,
    });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'kpi_is_bound']);
    // Unbinding turns it manual.
    const manual = await api('PATCH', `/api/v1/strategy/kpis/${bound.id}`, { binding: null });
    expect(manual.json()).toMatchObject({ source: 'manual', binding: null });
  });

  it('refuses a binding to an unknown metric, without a parameter, or to an unknown stage', async () => {
    const g = await goal('clients', 'NPS');
    const bind = async (binding: object) => {
      const res = await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
        name: 'k',
        direction: 'up',
        binding,
      });
      return [res.statusCode, res.json().code];
    };
    expect(await bind({ metric: 'nope' })).toEqual([422, 'invalid_binding']);
    expect(await bind({ metric: 'pulse.enps' })).toEqual([422, 'invalid_binding']);
    expect(await bind({ metric: 'satisfaction.nps', params: { stage: 'nowhere' } })).toEqual([
      422,
      'invalid_binding',
    ]);
    expect(await bind({ metric: 'economics.revenue', params: { stage: 'x' } })).toEqual([
      422,
      'invalid_binding',
    ]);
    expect(await bind({ metric: 'satisfaction.nps', params: { window: 'yesterday' } })).toEqual([
      400,
      'validation_failed',
    ]);
    const metrics = (await api('GET', '/api/v1/strategy/metrics')).json();
    expect(metrics.items.map((m: { key: string }) => m.key)).toEqual(
      expect.arrayContaining([
        'satisfaction.nps',
        'economics.revenue',
        'economics.onTimeShare',
        'scorecard.retention',
        'pulse.enps',
        'portfolio.cell_share',
      ]),
    );
    expect(metrics.windows).toEqual([
      'last_month',
      'current_month',
      'month_before_last',
      'last_quarter',
      'current_quarter',
      'quarter_before_last',
    ]);
  });

  it('lets admins edit and every role read; a viewer sees no figure it may not read', async () => {
    const g = await goal('processes', 'Скорость', { dueDate: '2027-03-31' });
    await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
      name: 'Время ответа',
      direction: 'down',
      binding: {
        metric: 'scorecard.metric',
        params: { stage: 'seeded', metric: 'cases.ack_minutes' },
      },
    }).then((r) => expect(r.json().code).toBe('invalid_binding')); // no such stage yet
    await api('POST', '/api/v1/stages', { key: 'seeded' });
    const kpi = await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
      name: 'Удержание',
      direction: 'up',
      binding: { metric: 'scorecard.retention', params: { stage: 'seeded' } },
    });
    expect(kpi.statusCode).toBe(201);
    for (const role of ['viewer', 'analyst', 'manager']) {
      const key = (await api('POST', '/api/v1/api-keys', { name: role, role })).json().secret;
      const map = await api('GET', '/api/v1/strategy/map', undefined, key);
      expect(map.statusCode).toBe(200);
      const found = map.json().goals.find((x: { id: string }) => x.id === g).kpis[0];
      expect(found.current.unavailable).toBe(role === 'viewer' ? 'forbidden' : 'no_data');
      const write = await api(
        'POST',
        '/api/v1/strategy/goals',
        { perspective: 'clients', title: 'x' },
        key,
      );
      expect([write.statusCode, write.json().code]).toEqual([403, 'insufficient_scope']); // issue 19
      const patch = await api('PATCH', `/api/v1/strategy/goals/${g}`, { title: 'y' }, key);
      expect(patch.statusCode).toBe(403);
    }
  });

  it('hangs items under a goal, owners from this organisation only, and exports the KPIs', async () => {
    const employee = (
      await api('POST', '/api/v1/employees', { name: 'Иванова Анна', externalId: 'tab-1' })
    ).json();
    const g = await goal('learning_growth', 'Наставничество', {
      employeeId: employee.id,
      description: 'Каждому новичку — наставник',
    });
    const got = (await api('GET', `/api/v1/strategy/goals/${g}`)).json();
    expect(got.owner).toEqual({ kind: 'employee', id: employee.id, name: 'Иванова Анна' });
    const both = await api('PATCH', `/api/v1/strategy/goals/${g}`, {
      employeeId: employee.id,
      ownerId: employee.id,
    });
    expect(both.statusCode).toBe(400);
    const foreignEmployee = (
      await other('POST', '/api/v1/employees', { name: 'Чужой', externalId: 'tab-x' })
    ).json();
    const foreign = await api('PATCH', `/api/v1/strategy/goals/${g}`, {
      employeeId: foreignEmployee.id,
    });
    expect(foreign.statusCode).toBe(404);

    // A training item of the competencies module; another organisation's is not linkable.
    const item = (
      await api('POST', '/api/v1/training-items', {
        employeeId: employee.id,
        title: 'Курс «Наставник»',
        kind: 'course',
        dueDate: '2027-03-01',
      })
    ).json().id;
    const theirs = (
      await other('POST', '/api/v1/training-items', {
        employeeId: foreignEmployee.id,
        title: 'Чужой курс',
      })
    ).json().id;
    const link = (id: string, kind = 'training') =>
      api('PUT', `/api/v1/strategy/goals/${g}/items/${kind}/${id}`);
    expect((await link(theirs)).statusCode).toBe(404);
    expect((await link('01a206ea-dd6a-7001-8c1b-5f588a061bc7')).statusCode).toBe(404);
    for (const _ of [1, 2]) expect((await link(item)).statusCode).toBe(204); // idempotent
    expect((await link(item, 'course')).statusCode).toBe(400);
    const initiative = (await api('POST', '/api/v1/initiatives', { title: 'Наставники' })).json();
    const foreignInitiative = (await other('POST', '/api/v1/initiatives', { title: 'x' })).json();
    expect((await link(foreignInitiative.id, 'initiative')).statusCode).toBe(404);
    expect((await link(initiative.id, 'initiative')).statusCode).toBe(204);
    const map = (await api('GET', '/api/v1/strategy/map')).json();
    const items = map.goals.find((x: { id: string }) => x.id === g).items;
    expect(items.find((i: { kind: string }) => i.kind === 'initiative').title).toBe('Наставники');
    expect(items.filter((i: { kind: string }) => i.kind === 'training')).toEqual([
      {
        kind: 'training',
        itemId: item,
        title: 'Курс «Наставник» (Иванова Анна)',
        status: 'planned',
        dueDate: '2027-03-01',
      },
    ]);
    expect(
      (await api('DELETE', `/api/v1/strategy/goals/${g}/items/training/${item}`)).statusCode,
    ).toBe(204);
    expect(
      (await api('DELETE', `/api/v1/strategy/goals/${g}/items/training/${item}`)).statusCode,
    ).toBe(404);

    const file = await api('GET', '/api/v1/strategy/kpis/export?format=csv&lang=en');
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Perspective,Goal,KPI');
    expect(file.body).toContain('Доля обученных');
    const xlsx = await api('GET', '/api/v1/strategy/kpis/export?format=xlsx&lang=ru');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });
  it('follows a merge of the bound stage, and keeps a bound stage from being deleted', async () => {
    const from = (await api('POST', '/api/v1/stages', { key: 'склад' })).json();
    const into = (await api('POST', '/api/v1/stages', { key: 'логистика' })).json();
    const g = await goal('processes', 'Склад');
    const kpi = (
      await api('POST', `/api/v1/strategy/goals/${g}/kpis`, {
        name: 'NPS склада',
        direction: 'up',
        binding: { metric: 'satisfaction.nps', params: { stage: 'склад' } },
      })
    ).json();
    const refused = await api('DELETE', `/api/v1/stages/${from.id}`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'stage_in_use']);
    expect(
      (await api('POST', `/api/v1/stages/${from.id}/merge`, { intoId: into.id })).statusCode,
    ).toBe(200);
    const after = (await api('GET', `/api/v1/strategy/kpis/${kpi.id}`)).json();
    expect(after.binding.params).toEqual({ stage: 'логистика', window: 'last_month' });
  });
});
