// Sales files through the imports pipeline (target `transactions`) on both dialects: a 1C export
// in Windows-1251 with `;`, Russian headers and `1 234,50` amounts stored exactly; a bad row, an
// unknown client or a refund beyond the client's sales is a row error and writes nothing.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

const NBSP = '\u00A0';
const HEADER =
  'Номер;Дата;Вид;Контрагент;ИНН;Номенклатура;Сумма;Себестоимость;Срок оплаты;Дата оплаты';
const cp1251 = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1251');

describe.each(testDialects())('transactions imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    for (const [key, body] of Object.entries({
      romashka: { name: 'ООО "Ромашка"', externalId: 'К-001', inn: '7707083893' },
      lyutik: { name: 'ООО "Лютик"', inn: '500100732259' },
    }))
      ids[key] = (await kit.post('/api/v1/clients', body)).json().id;
  });
  const upload = (lines: string[], name = '1c.csv') =>
    kit.upload(cp1251(lines), 'text/csv', name, 'transactions');
  const stored = (docs: string[]) =>
    kit.t.deps.db
      .selectFrom('transactions')
      .select([
        'external_id',
        'client_id',
        'kind',
        'date',
        'amount_minor',
        'cost_minor',
        'currency',
        'product',
        'due_date',
        'paid_at',
      ])
      .where('org_id', '=', kit.org.orgId)
      .where('external_id', 'in', docs)
      .orderBy('external_id')
      .execute();

  it('imports a 1C export: cp1251, `;`, Russian headers, 1 234,50 amounts', async () => {
    const res = await upload([
      HEADER,
      `РН-0001;05.11.2026;Реализация (акт, накладная);ООО "Ромашка";7707083893;Доставка;1${NBSP}234,50;800,25;15.11.2026;14.11.2026`,
      'РН-0002;10.11.2026 0:00:00;Реализация (акт, накладная);ООО "Лютик";500100732259;Монтаж;12 000,00;;20.11.2026;',
      'ВП-0001;12.11.2026;Возврат товаров от покупателя;ООО "Ромашка";7707083893;Доставка;-234,50;;;',
    ]);
    expect(res.statusCode).toBe(201);
    const imp = res.json();
    expect(imp).toMatchObject({
      target: 'transactions',
      encoding: 'windows-1251',
      delimiter: ';',
      numberFormat: { decimalSeparator: ',', source: 'detected' },
      suggestedMapping: {
        externalId: 'Номер',
        date: 'Дата',
        kind: 'Вид',
        clientName: 'Контрагент',
        clientInn: 'ИНН',
        product: 'Номенклатура',
        amount: 'Сумма',
        cost: 'Себестоимость',
        dueDate: 'Срок оплаты',
        paidAt: 'Дата оплаты',
      },
    });
    expect(imp.fields).toContain('clientExternalId');
    const report = await kit.validate(imp.id, imp.suggestedMapping);
    expect(report.json()).toEqual({ valid: 3, invalid: 0, blank: 0, errors: [], errorCount: 0 });
    expect(await stored(['РН-0001', 'РН-0002', 'ВП-0001'])).toEqual([]); // the report wrote nothing

    const done = await kit.commit(imp.id, imp.suggestedMapping);
    expect(done.statusCode).toBe(200);
    expect(done.json().result).toEqual({ created: 3, updated: 0, duplicates: 0 });
    const row = (doc: string, client: string, kind: string, date: string, amount: number) => ({
      external_id: doc,
      client_id: ids[client],
      kind,
      date,
      amount_minor: amount,
      currency: 'RUB',
    });
    expect(await stored(['РН-0001', 'РН-0002', 'ВП-0001'])).toEqual([
      {
        ...row('ВП-0001', 'romashka', 'refund', '2026-11-12', 23_450),
        cost_minor: null,
        product: 'Доставка',
        due_date: null,
        paid_at: null,
      },
      {
        ...row('РН-0001', 'romashka', 'sale', '2026-11-05', 123_450),
        cost_minor: 80_025,
        product: 'Доставка',
        due_date: '2026-11-15',
        paid_at: '2026-11-14',
      },
      {
        ...row('РН-0002', 'lyutik', 'sale', '2026-11-10', 1_200_000),
        cost_minor: null,
        product: 'Монтаж',
        due_date: '2026-11-20',
        paid_at: null,
      },
    ]);
  });

  it('writes nothing when one row is bad, naming the field of each problem', async () => {
    const imp = (
      await upload([
        HEADER,
        'РН-0101;01.12.2026;Продажа;ООО "Ромашка";7707083893;Доставка;1 000,00;;;',
        'РН-0102;02.12.2026;Продажа;ООО "Ромашка";7707083893;Доставка;500,00;;;01.12.2026',
        'РН-0103;31.02.2026;Продажа;ООО "Ромашка";7707083893;Доставка;-5,00;;;',
        'РН-0104;03.12.2026;Продажа;ООО "Ромашка";7707083893;Доставка;12,345.67;;;',
        'РН-0105;03.12.2026;Продажа;ООО "Ромашка";7707083893;Доставка;10,5;;;',
        'РН-0106;;Продажа;ООО "Ромашка";7707083893;Доставка;;;;',
      ])
    ).json();
    const mapping = imp.suggestedMapping;
    const report = (await kit.validate(imp.id, mapping)).json();
    const brief = report.errors.map((e: Record<string, unknown>) => [
      e.row,
      e.field,
      e.column,
      e.code,
    ]);
    expect(brief).toEqual([
      [3, 'paidAt', 'Дата оплаты', 'paid_before_date'],
      [4, 'date', 'Дата', 'invalid_date'],
      [4, 'amount', 'Сумма', 'negative_amount'],
      [5, 'amount', 'Сумма', 'number_format'],
      [7, 'date', 'Дата', 'required'],
      [7, 'amount', 'Сумма', 'required'],
    ]);
    expect(report.errors[0].message).toBe('paidAt: must not be before date');
    const res = await kit.commit(imp.id, mapping);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().invalidParams[0]).toEqual({
      name: 'rows.3.Дата оплаты',
      reason: 'paid_before_date: paidAt: must not be before date',
    });
    expect(
      await stored(['РН-0101', 'РН-0102', 'РН-0103', 'РН-0104', 'РН-0105', 'РН-0106']),
    ).toEqual([]);
  });

  it('reports a row naming an unknown client and writes none of the file', async () => {
    const imp = (
      await upload([
        HEADER,
        'РН-0201;01.12.2026;Продажа;ООО "Ромашка";7707083893;Доставка;1 000,00;;;',
        'РН-0202;01.12.2026;Продажа;ООО "Незнакомец";7701234567;Доставка;2 000,00;;;',
      ])
    ).json();
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(report).toMatchObject({ valid: 1, invalid: 1, errorCount: 1 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'ИНН',
        value: '7701234567',
        field: 'clientInn',
        code: 'unknown_client',
        message: 'No client with INN 7701234567; import the clients first (Клиенты и контакты)',
      },
    ]);
    // The report's rehearsal was rolled back: not even the good row is there.
    expect(await stored(['РН-0201'])).toEqual([]);
    const res = await kit.commit(imp.id, imp.suggestedMapping);
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams).toEqual([
      { name: 'rows.3.ИНН', reason: expect.stringContaining('unknown_client') },
    ]);
    expect(await stored(['РН-0201', 'РН-0202'])).toEqual([]);
    expect((await kit.validate(imp.id, imp.suggestedMapping)).json().invalid).toBe(1);
  });

  it('refuses a refund larger than the client’s sales so far (the file’s own sale counted)', async () => {
    await kit.post('/api/v1/clients', { name: 'ООО "Василёк"' });
    const imp = (
      await upload([
        'Номер;Дата;Вид;Контрагент;Сумма',
        'РН-0301;01.12.2026;Продажа;ООО "Василёк";100,00',
        'ВП-0301;02.12.2026;Возврат;ООО "Василёк";100,01',
      ])
    ).json();
    expect(imp.suggestedMapping).toEqual({
      externalId: 'Номер',
      date: 'Дата',
      kind: 'Вид',
      clientName: 'Контрагент',
      amount: 'Сумма',
    });
    const report = (await kit.validate(imp.id, imp.suggestedMapping)).json();
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'amount',
        column: 'Сумма',
        code: 'refund_exceeds_sales',
      }),
    ]);
    expect((await kit.commit(imp.id, imp.suggestedMapping)).statusCode).toBe(422);
    expect(await stored(['РН-0301', 'ВП-0301'])).toEqual([]);
  });

  it('reads 1234.5 and 12,345.67 in a file of decimal points, or as chosen in the mapping', async () => {
    const imp = (
      await upload([
        'Номер;Дата;Клиент;Сумма',
        'РН-0401;01.12.2026;К-001;1234.5',
        'РН-0402;01.12.2026;К-001;12,345.67',
      ])
    ).json();
    expect(imp.numberFormat).toEqual({ decimalSeparator: '.', source: 'detected' });
    const mapping = {
      externalId: 'Номер',
      date: 'Дата',
      clientExternalId: 'Клиент',
      amount: 'Сумма',
    };
    // Chosen as a comma, both values contradict it.
    const chosen = await kit.validate(imp.id, { ...mapping, fixed: { decimalSeparator: ',' } });
    expect(chosen.json().errors.map((e: { code: string }) => e.code)).toEqual([
      'number_format',
      'number_format',
    ]);
    expect((await kit.commit(imp.id, mapping)).json().result).toEqual({
      created: 2,
      updated: 0,
      duplicates: 0,
    });
    expect((await stored(['РН-0401', 'РН-0402'])).map((r) => r.amount_minor)).toEqual([
      123_450, 1_234_567,
    ]);
  });

  it('reads an XLSX of sales: numeric amounts and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Продажи');
    ws.addRow(['Документ', 'Дата документа', 'Код клиента', 'Сумма с НДС', 'Дата оплаты']);
    ws.addRow([
      'РН-0501',
      new Date(Date.UTC(2026, 11, 1)),
      'К-001',
      1234.5,
      new Date(Date.UTC(2026, 11, 3, 15, 30)),
    ]);
    ws.addRow(['РН-0502', new Date(Date.UTC(2026, 11, 2)), 'К-001', 99, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const imp = (await kit.upload(bytes, XLSX, 'продажи.xlsx', 'transactions')).json();
    expect(imp.numberFormat).toEqual({ decimalSeparator: '.', source: 'detected' });
    expect(imp.suggestedMapping).toEqual({
      externalId: 'Документ',
      date: 'Дата документа',
      clientExternalId: 'Код клиента',
      amount: 'Сумма с НДС',
      paidAt: 'Дата оплаты',
    });
    expect((await kit.commit(imp.id, imp.suggestedMapping)).statusCode).toBe(200);
    const rows = await stored(['РН-0501', 'РН-0502']);
    expect(rows.map((r) => [r.external_id, r.date, r.amount_minor, r.paid_at])).toEqual([
      ['РН-0501', '2026-12-01', 123_450, '2026-12-03'],
      ['РН-0502', '2026-12-02', 9_900, null],
    ]);
  });
});
