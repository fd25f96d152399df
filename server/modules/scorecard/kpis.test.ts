// Process KPIs over HTTP on both dialects: define, replace, list, delete; values upserted per stage
// and month, read back by stage and months; the refusals write nothing (an unknown stage 404 naming
// the item, a bad month 422 naming it, a repeated item, a built-in key); roles; KPI values follow
// a stage merge and keep a stage from being deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';
import { reservedKpiKey } from '../../../shared/api/scorecard.ts';
import { targetStatus } from './status.ts';
import { parseMonth } from './kpis-import.ts';

describe('targetStatus (amber: at most 10 % of the target on the wrong side)', () => {
  it.each<[number | null, number | null, 'up' | 'down', string | null]>([
    [95, 90, 'up', 'green'],
    [90, 90, 'up', 'green'],
    [81, 90, 'up', 'amber'],
    [80.9, 90, 'up', 'red'],
    [99, 90, 'down', 'amber'],
    [100, 90, 'down', 'red'],
    [0, 0, 'down', 'green'],
    [0.1, 0, 'down', 'red'],
    [-9.5, -10, 'down', 'amber'],
    [-5, -10, 'down', 'red'],
    [null, 90, 'up', null],
    [90, null, 'up', null],
  ])('%s against %s (%s) is %s', (value, target, direction, status) => {
    expect(targetStatus(value, target, direction)).toBe(status);
  });
});

describe('parseMonth', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026-03-01', '2026-03'],
    ['03.2026', '2026-03'],
    ['01.03.2026', '2026-03'],
    ['01.03.2026 0:00:00', '2026-03'],
    ['март 2026', '2026-03'],
    ['Май 2026', '2026-05'],
    ['мая 2026 г.', '2026-05'],
    ['Mar 2026', '2026-03'],
    ['2026-13', undefined],
    ['весна 2026', undefined],
    ['2026', undefined],
  ])('%s → %s', (text, month) => {
    expect(parseMonth(text)).toBe(month);
  });
  it('knows the built-in keys', () => {
    expect(reservedKpiKey('cases.backlog')).toBe(true);
    expect(reservedKpiKey('nps')).toBe(true);
    expect(reservedKpiKey('npsx')).toBe(false);
    expect(reservedKpiKey('delivery.on_time')).toBe(false);
  });
});

describe.each(testDialects())('process KPIs on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const values = async (key: string, query = '') =>
    (await api('GET', `/api/v1/kpis/${key}/values${query}`)).json().items;

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
    for (const key of ['доставка', 'склад', 'монтаж'])
      expect((await api('POST', '/api/v1/stages', { key })).statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  it('defines, replaces, lists and deletes a KPI', async () => {
    const created = await api('PUT', '/api/v1/kpis/delivery.on_time', {
      name: 'Доставка вовремя',
      unit: '%',
      direction: 'up',
      target: 95,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'delivery.on_time',
      name: 'Доставка вовремя',
      nameEn: null,
      unit: '%',
      direction: 'up',
      target: 95,
    });
    const replaced = await api('PUT', '/api/v1/kpis/delivery.on_time', {
      name: 'Доставка вовремя',
      nameEn: 'On-time delivery',
      unit: '%',
      direction: 'up',
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ nameEn: 'On-time delivery', target: null });
    await api('PUT', '/api/v1/kpis/tmp', { name: 'Временный', direction: 'down' });
    const list = (await api('GET', '/api/v1/kpis')).json().items;
    expect(list.map((k: { key: string }) => k.key)).toEqual(['delivery.on_time', 'tmp']);
    expect((await api('DELETE', '/api/v1/kpis/tmp')).statusCode).toBe(204);
    expect((await api('GET', '/api/v1/kpis/tmp')).statusCode).toBe(404);
    expect((await api('DELETE', '/api/v1/kpis/tmp')).statusCode).toBe(404);
    const audit = (await api('GET', '/api/v1/audit?limit=50')).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['kpi.defined', 'kpi.deleted']),
    );
  });

  it('refuses a built-in key and a malformed one', async () => {
    const builtIn = await api('PUT', '/api/v1/kpis/cases.backlog', {
      name: 'x',
      direction: 'up',
    });
    expect(builtIn.statusCode).toBe(422);
    expect(builtIn.json().invalidParams[0].name).toBe('params.key');
    expect(
      (await api('PUT', '/api/v1/kpis/Bad%20Key', { name: 'x', direction: 'up' })).statusCode,
    ).toBe(400);
    expect(
      (await api('PUT', '/api/v1/kpis/ok', { name: 'x', direction: 'sideways' })).statusCode,
    ).toBe(400);
  });

  it('upserts values per stage and month and reads them back by stage and months', async () => {
    await api('PUT', '/api/v1/kpis/response.minutes', { name: 'Время ответа', direction: 'down' });
    const put = await api('PUT', '/api/v1/kpis/response.minutes/values', {
      values: [
        { stage: 'доставка', period: '2026-01', value: 30 },
        { stage: 'доставка', period: '2026-02', value: 28.5, target: 25 },
        { stage: 'склад', period: '2026-02', value: 12 },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toHaveLength(3);
    // The same stage and month again replaces the value (and its own target).
    await api('PUT', '/api/v1/kpis/response.minutes/values', {
      values: [{ stage: 'доставка', period: '2026-02', value: 27 }],
    });
    const all = await values('response.minutes');
    expect(all.map((v: object) => ({ ...v, updatedAt: undefined }))).toEqual([
      { stage: 'доставка', period: '2026-01', value: 30, target: null, updatedAt: undefined },
      { stage: 'доставка', period: '2026-02', value: 27, target: null, updatedAt: undefined },
      { stage: 'склад', period: '2026-02', value: 12, target: null, updatedAt: undefined },
    ]);
    const feb = await values('response.minutes', '?from=2026-02&to=2026-03&stage=склад');
    expect(feb.map((v: { value: number }) => v.value)).toEqual([12]);
    expect((await api('GET', '/api/v1/kpis/response.minutes/values?from=2026-2')).statusCode).toBe(
      400,
    );
    expect((await api('GET', '/api/v1/kpis/nothing/values')).statusCode).toBe(404);
  });

  it('writes nothing when one value names an unknown stage (404 naming the item)', async () => {
    await api('PUT', '/api/v1/kpis/defects', { name: 'Брак, шт', direction: 'down' });
    const res = await api('PUT', '/api/v1/kpis/defects/values', {
      values: [
        { stage: 'доставка', period: '2026-03', value: 1 },
        { stage: 'луна', period: '2026-03', value: 2 },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'not_found',
      invalidParams: [{ name: 'body.values.1.stage', reason: 'unknown stage' }],
    });
    expect(res.json().detail).toContain('луна');
    expect(await values('defects')).toEqual([]);
    // The unknown stage was not created on sight either.
    const stages = (await api('GET', '/api/v1/stages')).json().items;
    expect(stages.map((s: { key: string }) => s.key)).not.toContain('луна');
  });

  it('writes nothing when one period is not a month (422 naming the item)', async () => {
    for (const period of ['2026-13', '2026-3', 'март', '2026-03-01']) {
      const res = await api('PUT', '/api/v1/kpis/defects/values', {
        values: [
          { stage: 'доставка', period: '2026-03', value: 1 },
          { stage: 'склад', period, value: 2 },
        ],
      });
      expect(res.statusCode, period).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'unprocessable',
        invalidParams: [{ name: 'body.values.1.period', reason: expect.any(String) }],
      });
    }
    const repeated = await api('PUT', '/api/v1/kpis/defects/values', {
      values: [
        { stage: 'доставка', period: '2026-03', value: 1 },
        { stage: 'доставка', period: '2026-03', value: 2 },
      ],
    });
    expect(repeated.statusCode).toBe(422);
    expect(repeated.json().invalidParams[0].name).toBe('body.values.1');
    const broken = await api('PUT', '/api/v1/kpis/defects/values', {
      values: [{ stage: 'доставка', period: '2026-03', value: 'много' }],
    });
    expect(broken.statusCode).toBe(400);
    expect(await values('defects')).toEqual([]);
  });

  it('lets analysts read and not write, and viewers neither', async () => {
    const key = async (role: string) =>
      (await api('POST', '/api/v1/api-keys', { name: role, role })).json().secret as string;
    const analyst = await key('analyst');
    const viewer = await key('viewer');
    const as = (secret: string, method: 'GET' | 'PUT', url: string, payload?: object) =>
      call(t.app, secret, { method, url, ...(payload ? { payload } : {}) });
    expect((await as(analyst, 'GET', '/api/v1/kpis')).statusCode).toBe(200);
    expect(
      (await as(analyst, 'PUT', '/api/v1/kpis/x', { name: 'x', direction: 'up' })).statusCode,
    ).toBe(403);
    expect((await as(viewer, 'GET', '/api/v1/kpis')).statusCode).toBe(403);
    expect((await as(viewer, 'GET', '/api/v1/kpis/defects/values')).statusCode).toBe(403);
  });

  it('moves values with a stage merge (the surviving stage keeps its own) and blocks a delete', async () => {
    await api('PUT', '/api/v1/kpis/merge.kpi', { name: 'Слияние', direction: 'up' });
    await api('PUT', '/api/v1/kpis/merge.kpi/values', {
      values: [
        { stage: 'монтаж', period: '2026-01', value: 1 },
        { stage: 'монтаж', period: '2026-02', value: 2 },
        { stage: 'склад', period: '2026-02', value: 20 },
      ],
    });
    const stages = (await api('GET', '/api/v1/stages')).json().items;
    const id = (key: string) => stages.find((s: { key: string }) => s.key === key).id;
    const blocked = await api('DELETE', `/api/v1/stages/${id('монтаж')}`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('stage_in_use');
    const merged = await api('POST', `/api/v1/stages/${id('монтаж')}/merge`, {
      intoId: id('склад'),
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = await values('merge.kpi');
    expect(
      after.map((v: { stage: string; period: string; value: number }) => [
        v.stage,
        v.period,
        v.value,
      ]),
    ).toEqual([
      ['склад', '2026-01', 1],
      ['склад', '2026-02', 20],
    ]);
  });
});
