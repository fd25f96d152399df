// KPI values from a file through the imports pipeline (target `kpis`) on both dialects: Russian
// headers (Показатель, Этап, Месяц, Значение, Цель) mapped by themselves, KPIs and stages named by
// key or name, months in the ways spreadsheets write them, decimal commas and percent signs;
// an unknown KPI or stage is a row error in the report and nothing is written.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';
import { call } from '../../../tests/support/app.ts';

describe.each(testDialects())('KPI imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const api = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    call(kit.t.app, kit.org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const values = async (key: string) =>
    (await api('GET', `/api/v1/kpis/${key}/values`))
      .json()
      .items.map((v: { stage: string; period: string; value: number; target: number | null }) => [
        v.stage,
        v.period,
        v.value,
        v.target,
      ]);
  beforeAll(async () => {
    await api('POST', '/api/v1/stages', { key: 'доставка', nameRu: 'Доставка до двери' });
    await api('POST', '/api/v1/stages', { key: 'склад' });
    await api('PUT', '/api/v1/kpis/delivery.on_time', {
      name: 'Доставка вовремя',
      unit: '%',
      direction: 'up',
    });
    await api('PUT', '/api/v1/kpis/response.minutes', {
      name: 'Время ответа',
      direction: 'down',
    });
  });

  it('imports a Russian CSV: headers, names, months and 94,5 % values', async () => {
    const csv = [
      'Показатель;Этап;Месяц;Значение;Цель',
      'Доставка вовремя;Доставка до двери;март 2026;94,5 %;95',
      'delivery.on_time;доставка;04.2026;96;',
      'время ответа;склад;2026-03;12,25;15',
    ].join('\r\n');
    const res = await kit.upload(csv, 'text/csv', 'kpi.csv', 'kpis');
    expect(res.statusCode, res.body).toBe(201);
    const imp = res.json();
    expect(imp.suggestedMapping).toEqual({
      kpi: 'Показатель',
      stage: 'Этап',
      period: 'Месяц',
      value: 'Значение',
      target: 'Цель',
    });
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(report).toEqual({ valid: 3, invalid: 0, blank: 0, errors: [], errorCount: 0 });
    expect(await values('delivery.on_time')).toEqual([]);
    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toEqual({ created: 3, updated: 0, duplicates: 0 });
    expect(await values('delivery.on_time')).toEqual([
      ['доставка', '2026-03', 94.5, 95],
      ['доставка', '2026-04', 96, null],
    ]);
    expect(await values('response.minutes')).toEqual([['склад', '2026-03', 12.25, 15]]);
  });

  it('imports an XLSX and counts what it changed', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('KPI');
    sheet.addRow(['Показатель', 'Этап', 'Период', 'Значение']);
    sheet.addRow(['Доставка вовремя', 'доставка', '2026-03', 90]);
    sheet.addRow(['Доставка вовремя', 'доставка', '2026-05', 91]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const imp = (await kit.upload(xlsx, type, 'kpi.xlsx', 'kpis')).json();
    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.json().result).toEqual({ created: 1, updated: 1, duplicates: 0 });
    expect(await values('delivery.on_time')).toEqual([
      ['доставка', '2026-03', 90, null],
      ['доставка', '2026-04', 96, null],
      ['доставка', '2026-05', 91, null],
    ]);
  });

  it('writes nothing when a row names an unknown KPI or stage or a bad month', async () => {
    const csv = [
      'Показатель;Этап;Месяц;Значение',
      'Доставка вовремя;доставка;2026-06;50',
      'Нет такого;доставка;2026-06;1',
      'Доставка вовремя;луна;2026-06;1',
      'Доставка вовремя;склад;весна;1',
      'Доставка вовремя;склад;2026-07;много',
    ].join('\n');
    const imp = (await kit.upload(csv, 'text/csv', 'bad.csv', 'kpis')).json();
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(
      report.errors.map((e: { row: number; field: string; code: string }) => [
        e.row,
        e.field,
        e.code,
      ]),
    ).toEqual([
      [3, 'kpi', 'unknown_kpi'],
      [4, 'stage', 'unknown_stage'],
      [5, 'period', 'invalid_period'],
      [6, 'value', 'not_a_number'],
    ]);
    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.statusCode).toBe(422);
    expect((await values('delivery.on_time')).map((v: unknown[]) => v[1])).not.toContain('2026-06');
  });
});
