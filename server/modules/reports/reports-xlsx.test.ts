// The scorecard and arbiter workbooks read back with exceljs: sheet names in the report's
// language, numbers as numbers equal to the input (shares as fractions formatted as %), the
// window's periods as columns, and a stage named like a formula kept as plain text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { arbiter } from './arbiter.fixtures.ts';
import { renderArbiterXlsx } from './arbiter-xlsx.ts';
import { PERIODS, scorecard } from './reports.fixtures.ts';
import { renderScorecardXlsx } from './scorecard-xlsx.ts';

const opts = {
  lang: 'ru' as const,
  orgName: 'ООО «Ромашка»',
  generatedAt: new Date('2026-07-02T09:15:00Z'),
  currency: 'RUB',
  timeZone: 'Europe/Moscow',
};
const FORMULA = '=HYPERLINK("http://x")';
/** How the writer defuses it (lib/tabular/write-table.ts): an apostrophe, in a string cell. */
const DEFUSED = `'${FORMULA}`;

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => {
    out.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return out;
}

function expectPlainText(cell: ExcelJS.Cell, text: string): void {
  expect(cell.value).toBe(text);
  expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(cell.formula).toBeUndefined();
}

describe('renderScorecardXlsx', () => {
  it('a sheet per layer, stage and metric per row, numbers equal to the input', async () => {
    const book = await load(await renderScorecardXlsx(scorecard, opts));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Удовлетворённость',
      'Транзакционный опыт',
      'Операционный опыт',
      'Опыт сотрудников',
    ]);
    const operational = rows(book.getWorksheet('Операционный опыт')!);
    expect(operational[0]).toEqual([
      'Этап',
      'Показатель',
      'Значение',
      'Пред.',
      'Цель',
      'Статус',
      'n',
      ...PERIODS,
    ]);
    const kpi = operational.find((r) => r[1] === 'Доставка вовремя')!;
    expect(kpi).toEqual([
      'Доставка',
      'Доставка вовремя',
      86.7,
      92.4,
      95,
      'не в цели',
      1,
      91.5,
      93,
      88.2,
      90.1,
      92.4,
      86.7,
    ]);
    // A period without a value is an empty cell, not 0.
    const callback = operational.find((r) => r[1] === 'Перезвонили вовремя')!;
    expect(callback).toEqual([
      'Оформление заказа',
      'Перезвонили вовремя',
      0.81,
      0.79,
      0.85,
      'близко',
      120,
      0.8,
      0.82,
      null,
      0.85,
      0.79,
      0.81,
    ]);
    // Every cell but the stage, the metric and the status word is a number.
    for (const value of [...kpi.slice(2, 5), ...kpi.slice(6)]) expect(typeof value).toBe('number');

    const transactional = book.getWorksheet('Транзакционный опыт')!;
    const revenueRow =
      rows(transactional).findIndex((r) => r[0] === 'Доставка' && r[1] === 'Выручка') + 1;
    expect(transactional.getRow(revenueRow).getCell(3).value).toBe(4903412.35);
    expect(transactional.getRow(revenueRow).getCell(3).numFmt).toBe('#,##0.00');
    const shareRow = rows(transactional).findIndex((r) => r[1] === 'Оплачено вовремя') + 1;
    expect(transactional.getRow(shareRow).getCell(3).value).toBe(0.842);
    expect(transactional.getRow(shareRow).getCell(3).numFmt).toBe('0.0%');
    // No status (no target): an empty cell; no n either.
    expect(rows(transactional).find((r) => r[1] === 'Удержание клиентов')).toEqual([
      'Доставка',
      'Удержание клиентов',
      null,
      0.76,
      null,
      null,
      null,
      0.78,
      0.8,
      0.77,
      0.79,
      0.76,
      null,
    ]);
  });

  it('English sheet and metric names; a formula-like stage name is defused text', async () => {
    const stages = [{ ...scorecard.stages[0]!, nameEn: FORMULA }];
    const book = await load(
      await renderScorecardXlsx({ ...scorecard, stages }, { ...opts, lang: 'en' }),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Satisfaction',
      'Transactional experience',
      'Operational experience',
      'Employee experience',
    ]);
    const sheet = book.getWorksheet('Satisfaction')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('NPS');
    expect(sheet.getRow(3).getCell(2).value).toBe('CSAT (share of 4–5)');
    expectPlainText(sheet.getRow(2).getCell(1), DEFUSED);
  });
});

describe('renderArbiterXlsx', () => {
  it('stages, drivers and feedback sheets with typed cells', async () => {
    const book = await load(await renderArbiterXlsx(arbiter, opts));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Этапы', 'Факторы', 'Отзывы']);
    const stages = book.getWorksheet('Этапы')!;
    expect(rows(stages)).toEqual([
      [
        'Место',
        'Этап',
        'Выручка под риском',
        'Метод',
        'Клиенты',
        'Выручка',
        'Доля критиков',
        'Что сделать',
      ],
      [
        1,
        'Доставка',
        1284530.75,
        'по вероятности ухода из истории',
        318,
        4903412.35,
        0.287,
        arbiter.stages[0]!.suggestion!.textRu,
      ],
      [
        2,
        'Оформление заказа',
        312004.1,
        'по вероятности ухода из истории',
        540,
        2502330.1,
        0.094,
        null,
      ],
      [3, DEFUSED, 0, 'доля критиков × выручка этапа', 0, 0, null, null],
    ]);
    expectPlainText(stages.getRow(4).getCell(2), DEFUSED);
    expect(stages.getRow(2).getCell(7).numFmt).toBe('0.0%');

    const drivers = rows(book.getWorksheet('Факторы')!);
    expect(drivers[1]).toEqual([
      'Доставка',
      'Доставка вовремя',
      'Операционный опыт',
      0.81,
      18,
      0.00004,
      0.46,
      'да',
      null,
    ]);
    expect(drivers[4]).toEqual([
      'Доставка',
      'Среднее ожидание',
      'Операционный опыт',
      null,
      5,
      null,
      null,
      'нет',
      'мало данных',
    ]);
    expect(drivers[5]).toEqual([
      'Оформление заказа',
      'Отвеченные звонки',
      'Операционный опыт',
      0.22,
      18,
      0.38,
      1,
      'нет',
      null,
    ]);

    const examples = rows(book.getWorksheet('Отзывы')!);
    expect(examples).toHaveLength(5);
    // Received at 08:12 UTC on 14 June: that day in Moscow too, as a date cell.
    expect(examples[1]).toEqual([
      'Доставка',
      'CL-10421',
      new Date('2026-06-14T00:00:00Z'),
      3,
      'Сроки доставки',
      'Курьер опоздал на два часа и не позвонил, заказ пришёл помятым.',
    ]);
  });

  it('in English the method and suggestion are English', async () => {
    const book = await load(await renderArbiterXlsx(arbiter, { ...opts, lang: 'en' }));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Stages', 'Drivers', 'Feedback']);
    const row = book.getWorksheet('Stages')!.getRow(2);
    expect(row.getCell(2).value).toBe('Delivery');
    expect(row.getCell(4).value).toBe('churn probability from history');
    expect(row.getCell(8).value).toBe(arbiter.stages[0]!.suggestion!.textEn);
  });
});
