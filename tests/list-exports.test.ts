// Every list of the UI as a file (issue 16), on both dialects: each export holds exactly the
// rows of its list under the same filters (compared with the list read page by page), headers in
// ru and en, formula-like text defused, numbers and dates typed in XLSX, more rows than the cap
// (lowered here through EXPORT_MAX_ROWS = 5) refused with 422 too_many_rows, and another
// organisation's ids in a filter answered as the list answers them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../server/lib/clock.ts';
import { call, createTestApp, createTestOrg, type TestApp, type TestOrg } from './support/app.ts';
import { testDialects } from './support/db.ts';
import {
  listIds,
  readCsv,
  readXlsx,
  RISKY,
  seedLists,
  type Seeded,
} from './support/list-exports.ts';

const MAX_ROWS = 5;

describe.each(testDialects())('list exports on %s', (dialect) => {
  let t: TestApp;
  let a: TestOrg;
  let b: TestOrg;
  let s: Seeded;
  let other: Seeded;
  const get = (url: string, key = a.apiKey) => call(t.app, key, { method: 'GET', url });
  const csv = async (url: string, lang: 'ru' | 'en' = 'en', key = a.apiKey) => {
    const res = await get(`${url}${url.includes('?') ? '&' : '?'}format=csv&lang=${lang}`, key);
    expect(res.statusCode, res.body).toBe(200);
    return readCsv(res.body, lang === 'ru' ? ';' : ',');
  };
  const xlsx = async (url: string, lang: 'ru' | 'en' = 'en') => {
    const res = await get(`${url}${url.includes('?') ? '&' : '?'}format=xlsx&lang=${lang}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    return readXlsx(res.rawPayload);
  };

  beforeAll(async () => {
    t = await createTestApp({
      dialect,
      clock: fixedClock('2026-12-04T10:00:00Z'),
      // The rate limit has its own suite (list-exports-limits.test.ts); this one asks often.
      env: { EXPORT_MAX_ROWS: String(MAX_ROWS), EXPORT_RATE_PER_MINUTE: '1000' },
    });
    a = await createTestOrg(t.deps, 'Альфа');
    b = await createTestOrg(t.deps, 'Бета');
    s = await seedLists(t, a);
    other = await seedLists(t, b);
  });
  afterAll(async () => t?.close());

  // Each list with a filter that leaves at most MAX_ROWS rows; the id is the last column.
  const LISTS = () =>
    [
      ['/api/v1/clients', 'segment=vip', 3],
      ['/api/v1/clients', 'q=%D0%BE%D0%B1%D1%8B%D1%87%D0%BD', 1],
      ['/api/v1/feedback', `clientId=${s.clients[0]}`, 3],
      ['/api/v1/feedback', 'hasCase=true', 1],
      ['/api/v1/cases', `clientId=${s.clients[0]}`, 2],
      ['/api/v1/cases', '', 3],
      ['/api/v1/employees', '', 2],
      ['/api/v1/transactions', `clientId=${s.clients[0]}`, 2],
      ['/api/v1/transactions', 'from=2026-10-01&to=2026-11-01', 1],
      ['/api/v1/scorecard/records', 'stage=доставка&metric=revenue&period=2026-11', 2],
    ] as const;

  it('each export holds exactly the rows of its list under the same filters, in its order', async () => {
    for (const [list, filter, n] of LISTS()) {
      const q = filter.replace('доставка', encodeURIComponent('доставка'));
      const expected = await listIds(t, a.apiKey, `${list}?${q}`);
      expect(expected, `${list}?${filter}`).toHaveLength(n);
      for (const lang of ['ru', 'en'] as const) {
        const rows = await csv(`${list}/export?${q}`, lang);
        expect(
          rows.slice(1).map((r) => r.at(-1)),
          `${list}?${filter} ${lang}`,
        ).toEqual(expected);
      }
      const sheet = await xlsx(`${list}/export?${q}`);
      expect(sheet.slice(1).map((r) => r.at(-1))).toEqual(expected);
    }
  });

  it('names the file and translates the headers', async () => {
    const res = await get('/api/v1/clients/export?segment=vip&format=xlsx');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="clients-2026-12-04.xlsx"',
    );
    const [ru] = await csv('/api/v1/clients/export?segment=vip', 'ru');
    expect(ru).toEqual([
      'Название',
      'Вид',
      'Внешний ID',
      'Сегмент',
      'Уровень',
      'ID менеджера',
      'Статус',
      'ИНН',
      'Оценка годового бюджета',
      'Стратегическое соответствие',
      'Создан (UTC)',
      'ID',
    ]);
    const [en] = await csv('/api/v1/clients/export?segment=vip', 'en');
    expect(en).toEqual([
      'Name',
      'Kind',
      'External ID',
      'Segment',
      'Tier',
      'Manager ID',
      'Status',
      'INN',
      'Estimated annual budget',
      'Strategic fit',
      'Created (UTC)',
      'ID',
    ]);
    expect(
      (await xlsx('/api/v1/transactions/export?from=2026-10-01&to=2026-11-01', 'ru'))[0]!.slice(
        0,
        5,
      ),
    ).toEqual(['Дата', 'Документ', 'Вид', 'ID клиента', 'Сумма']);
  });

  it('defuses formula-like text with an apostrophe in CSV and XLSX; numbers stay numbers', async () => {
    const quoted = RISKY.map((r) => `'${r}`);
    const clients = await csv('/api/v1/clients/export?segment=vip', 'ru');
    expect(
      clients
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([quoted[0], quoted[1], quoted[2]].sort());
    const res = await get('/api/v1/clients/export?segment=vip&format=csv&lang=en');
    // On the wire: the field is quoted (it holds quotes) and starts with the apostrophe.
    expect(res.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    const feedback = await csv(`/api/v1/feedback/export?clientId=${s.clients[0]}`, 'ru');
    const textAt = feedback[0]!.indexOf('Текст');
    expect(
      feedback
        .slice(1)
        .map((r) => r[textAt])
        .sort(),
    ).toEqual(["'+1", "'-2", "'@SUM(A1)"]);
    expect(
      feedback
        .slice(1)
        .map((r) => r[feedback[0]!.indexOf('Оценка')])
        .sort(),
    ).toEqual(['3', '7', '9']);
    const cases = await xlsx(`/api/v1/cases/export?clientId=${s.clients[0]}`);
    expect(cases.slice(1).map((r) => r[1])).toContain("'=1+1");
    const sheet = await xlsx('/api/v1/clients/export?segment=vip');
    const first = sheet.find((r) => r[0] === quoted[0])!;
    expect(first[8]).toBe(1234.5);
    expect(first[9]).toBe(70);
    expect(
      sheet
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([quoted[0], quoted[1], quoted[2]].sort());
    const employees = await xlsx('/api/v1/employees/export');
    expect(employees.slice(1).map((r) => r[0])).toContain("'=cmd|calc");
  });

  it('writes numbers as numbers and dates as dates in XLSX, decimal commas in Russian CSV', async () => {
    const sheet = await xlsx(`/api/v1/transactions/export?clientId=${s.clients[0]}`);
    expect(sheet.slice(1).map((r) => r.slice(0, 5))).toEqual([
      [new Date('2026-11-21T00:00:00Z'), 'ВЗ-1', 'refund', s.clients[0], 100],
      [new Date('2026-11-20T00:00:00Z'), 'РН-1', 'sale', s.clients[0], 1234.5],
    ]);
    const ru = await csv(`/api/v1/transactions/export?clientId=${s.clients[0]}`, 'ru');
    expect(ru[2]!.slice(0, 5)).toEqual(['2026-11-20', 'РН-1', 'sale', s.clients[0], '1234,50']);
    const feedback = await xlsx(`/api/v1/feedback/export?clientId=${s.clients[0]}`);
    for (const row of feedback.slice(1)) {
      expect(row[0]).toBeInstanceOf(Date);
      expect(typeof row[6]).toBe('number');
    }
    const records = await xlsx(
      `/api/v1/scorecard/records/export?stage=${encodeURIComponent('доставка')}&metric=revenue&period=2026-11`,
    );
    expect(records.slice(1).map((r) => typeof r[3])).toEqual(['number', 'number']);
  });

  it('refuses more rows than the cap with 422 too_many_rows, and takes exactly the cap', async () => {
    for (const url of ['/api/v1/clients/export', '/api/v1/clients/export?format=xlsx']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('too_many_rows');
    }
    // Feedback: four seeded; a fifth is exactly the cap, a sixth is one too many.
    expect((await csv('/api/v1/feedback/export')).length - 1).toBe(4);
    const add = (text: string) =>
      call(t.app, a.apiKey, { method: 'POST', url: '/api/v1/feedback', payload: { text } });
    expect((await add('Пятый')).statusCode).toBe(201);
    expect((await csv('/api/v1/feedback/export')).length - 1).toBe(MAX_ROWS);
    expect((await add('Шестой')).statusCode).toBe(201);
    const res = await get('/api/v1/feedback/export?format=xlsx&lang=ru');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('too_many_rows');
    // The list itself still pages as before: the cap is the file's, not the list's.
    expect(await listIds(t, a.apiKey, '/api/v1/feedback')).toHaveLength(6);
  });

  it('answers each role as its list does: a viewer may export lists but not the scorecard rows', async () => {
    const created = await call(t.app, a.apiKey, {
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'viewer', role: 'viewer' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const viewer = created.json().secret as string;
    for (const [list, filter] of LISTS()) {
      const q = filter.replace('доставка', encodeURIComponent('доставка'));
      const listed = await get(`${list}?${q}`, viewer);
      const exported = await get(`${list}/export?${q}`, viewer);
      expect(exported.statusCode, `${list}?${filter}`).toBe(listed.statusCode);
    }
    const records = await get(
      `/api/v1/scorecard/records/export?stage=${encodeURIComponent('доставка')}&metric=revenue&period=2026-11`,
      viewer,
    );
    expect(records.statusCode).toBe(403);
    expect(records.json().code).toBe('forbidden');
    expect((await get('/api/v1/clients/export?segment=vip', viewer)).statusCode).toBe(200);
  });

  it("answers another organisation's ids in a filter as the list does, never with its rows", async () => {
    for (const [list, field, id] of [
      ['/api/v1/feedback', 'clientId', other.clients[0]],
      ['/api/v1/cases', 'clientId', other.clients[0]],
      ['/api/v1/transactions', 'clientId', other.clients[0]],
      ['/api/v1/clients', 'managerId', other.managerId],
      ['/api/v1/scorecard/records', 'managerId', other.managerId],
    ] as const) {
      const extra = list.includes('records')
        ? `&stage=${encodeURIComponent('доставка')}&metric=revenue&period=2026-11`
        : '';
      const listed = await get(`${list}?${field}=${id}${extra}`);
      const exported = await get(`${list}/export?${field}=${id}${extra}`);
      expect(exported.statusCode, `${list} ${field}`).toBe(listed.statusCode);
      if (exported.statusCode === 200) {
        expect(listed.json().items).toEqual([]);
        expect(readCsv(exported.body, ';')).toHaveLength(1);
      } else expect(exported.json().code).toBe('not_found');
      for (const ownId of Object.values(other).flat()) expect(exported.body).not.toContain(ownId);
    }
  });
});
