// Economics exports through HTTP on both dialects, against values written by hand. One client,
// the clock at 2026-04-20 (amounts in roubles):
//   sale   ДОК-1 2026-01-15 2000    cost 1200 due 01-25 paid 01-20 (on time)     «Перевозка»
//   sale   ДОК-2 2026-03-10 3000.5  cost 1000 due 03-20 paid 03-25 (5 days late)
//   refund ДОК-3 2026-03-12  500    cost  200
//   sale   ДОК-4 2026-04-01  100    no cost   due 04-05, unpaid (15 days overdue on 04-20)
// Profit formula A = January, B = March 2026 (months): revenue 2000 → 2500.50; margin 800 →
// 2500.50 − 1000 + 200 = 1700.50; LTV (12 months to the window's end, per paying client):
// 800 → 800 + 1700.50 = 2500.50; no spend, so CAC and profit-less figures are empty.
import ExcelJS from 'exceljs';
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
import { transactionsApi } from '../../../tests/support/transactions.ts';

describe.each(testDialects())('economics exports on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  let clientId: string;
  const get = (url: string) => call(t.app, org.apiKey, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: fixedClock(new Date('2026-04-20T10:00:00Z')) });
    org = await createTestOrg(t.deps, 'Ромашка');
    const api = transactionsApi(t, () => org);
    clientId = await api.newClient('ООО «Альфа»');
    for (const payload of [
      { externalId: 'ДОК-1', kind: 'sale', date: '2026-01-15', amount: 2000, cost: 1200 },
      { externalId: 'ДОК-2', kind: 'sale', date: '2026-03-10', amount: 3000.5, cost: 1000 },
      { externalId: 'ДОК-3', kind: 'refund', date: '2026-03-12', amount: 500, cost: 200 },
      { externalId: 'ДОК-4', kind: 'sale', date: '2026-04-01', amount: 100 },
    ]) {
      const more: Record<string, Record<string, string>> = {
        'ДОК-1': { dueDate: '2026-01-25', paidAt: '2026-01-20', product: 'Перевозка' },
        'ДОК-2': { dueDate: '2026-03-20', paidAt: '2026-03-25' },
        'ДОК-4': { dueDate: '2026-04-05' },
      };
      const res = await api.upsert({ ...payload, clientId, ...more[payload.externalId] });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  it("a client's transactions as Russian CSV: BOM, ';', decimal comma, refunds negative", async () => {
    const res = await get(`/api/v1/economics/export/clients/${clientId}/transactions?format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="transactions-2026-04-20.csv"',
    );
    expect(res.body).toBe(
      '\uFEFFДата;Документ;Вид;Сумма;Себестоимость;Продукт;Этап;Оплатить до;Оплачено;Дней опоздания\r\n' +
        '2026-04-01;ДОК-4;Продажа;100,00;;;;2026-04-05;;15\r\n' +
        '2026-03-12;ДОК-3;Возврат;-500,00;-200,00;;;;;\r\n' +
        '2026-03-10;ДОК-2;Продажа;3000,50;1000,00;;;2026-03-20;2026-03-25;5\r\n' +
        '2026-01-15;ДОК-1;Продажа;2000,00;1200,00;Перевозка;;2026-01-25;2026-01-20;\r\n',
    );
  });

  it("a client's transactions as English XLSX read back with exceljs", async () => {
    const res = await get(
      `/api/v1/economics/export/clients/${clientId}/transactions?format=xlsx&lang=en`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Transactions');
    const row = (r: number) =>
      Array.from({ length: 10 }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? null);
    expect(row(1)).toEqual([
      'Date',
      'Document',
      'Kind',
      'Amount',
      'Cost',
      'Product',
      'Stage',
      'Due',
      'Paid',
      'Days late',
    ]);
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    expect(row(3)).toEqual([day('2026-03-12'), 'ДОК-3', 'Refund', -500, -200, ...nulls(5)]);
    expect(row(4)).toEqual([
      day('2026-03-10'),
      'ДОК-2',
      'Sale',
      3000.5,
      1000,
      null,
      null,
      day('2026-03-20'),
      day('2026-03-25'),
      5,
    ]);
    expect(sheet.rowCount).toBe(5);
  });

  it('the profit formula of January against March as Russian CSV', async () => {
    const res = await get(
      '/api/v1/economics/export/profit-formula?aFrom=2026-01-01&aTo=2026-02-01&bFrom=2026-03-01&bTo=2026-04-01&format=csv',
    );
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe(
      'Показатель;A: 2026-01-01 – 2026-01-31;B: 2026-03-01 – 2026-03-31;Изменение',
    );
    expect(lines).toContain('Выручка;2000,00;2500,50;500,50');
    expect(lines).toContain('Платящие клиенты (N);1;1;0');
    expect(lines).toContain('Маржа;800,00;1700,50;900,50');
    expect(lines).toContain(
      'LTV за 12 месяцев (маржа на платящего клиента);800,00;2500,50;1700,50',
    );
    expect(lines).toContain('CAC;;;');
    // Same N and Q in both months: the whole change is the average purchase's (2000 → 2500.50).
    expect(lines).toContain('Вклад в изменение выручки: Платящие клиенты (N);;;0,00');
    expect(lines).toContain('Вклад в изменение выручки: Средний чек;;;500,50');
  });

  it('the NPS groups of the first quarter as English CSV', async () => {
    const res = await get(
      '/api/v1/economics/export/by-satisfaction?from=2026-01-01&to=2026-04-01&period=quarter&format=csv&lang=en',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="nps-groups-2026-01-01.csv"',
    );
    const lines = res.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toMatch(
      /^NPS group,Clients,Paying clients,Sales due,Revenue per paying client,/,
    );
    expect(lines[1]).toMatch(/^Promoters,0,0,0,/);
    // No NPS answer: the one client; 2000 + 3000.50 − 500 of revenue; ДОК-1 on time, ДОК-2 late;
    // it buys again on 04-01, in the next quarter.
    expect(lines[4]).toMatch(/^No NPS answer,1,1,2,4500\.50,(-?[\d.]*,){2}0\.5,(-?[\d.]*,){2}1,/);
    expect(lines[5]).toMatch(/^Promoters − detractors,,,,/);
  });

  it('answers 404 for a client of nobody and 400 for an unknown format', async () => {
    const nobody = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';
    const missing = await get(`/api/v1/economics/export/clients/${nobody}/transactions`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const bad = await get(`/api/v1/economics/export/clients/${clientId}/transactions?format=pdf`);
    expect(bad.statusCode).toBe(400);
  });
});

const nulls = (n: number) => Array.from({ length: n }, () => null);
