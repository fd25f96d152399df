// File imports end to end through HTTP, reading real files built here: UTF-8, Windows-1251 and
// tab-separated CSV, XLSX with a formula and a date, formula-looking cells kept as text; both
// dialects.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/db.ts';
import { importsKit } from './imports.fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDialects())('feedback imports on %s', (dialect) => {
  const kit = importsKit(dialect);
  const { upload, validate, commit, feedbackOf, ackCount } = kit;

  it('imports a UTF-8 CSV with commas, quoted fields and CRLF, without acknowledgement mails', async () => {
    const csv = [
      'Дата,Клиент,Email,Оценка NPS,Комментарий',
      '2026-11-20T10:00:00Z,"ООО ""Ромашка""",ivan@example.ru,9,"Быстро, вежливо"',
      '21.11.2026 14:30,ИП Петров,petr@example.ru,"7,0","Две строки:\r\nвторая"',
      '',
    ].join('\r\n');
    const up = await upload(csv);
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({
      filename: 'feedback.csv',
      kind: 'csv',
      status: 'uploaded',
      encoding: 'UTF-8',
      delimiter: ',',
      rowCount: 2,
    });
    expect(imp.columns).toEqual(['Дата', 'Клиент', 'Email', 'Оценка NPS', 'Комментарий']);
    expect(imp.preview[0]).toEqual([
      '2026-11-20T10:00:00Z',
      'ООО "Ромашка"',
      'ivan@example.ru',
      '9',
      'Быстро, вежливо',
    ]);
    expect(imp.suggestedMapping).toEqual({
      receivedAt: 'Дата',
      clientName: 'Клиент',
      contactEmail: 'Email',
      scoreValue: 'Оценка NPS',
      text: 'Комментарий',
      fixed: { scoreType: 'nps' },
    });

    const report = await validate(imp.id, imp.suggestedMapping);
    expect(report.json()).toEqual({ valid: 2, invalid: 0, blank: 0, errors: [], errorCount: 0 });
    expect(await feedbackOf(imp.id)).toHaveLength(0);

    const done = await commit(imp.id, {
      ...imp.suggestedMapping,
      fixed: { scoreType: 'nps', timeZone: 'Europe/Moscow' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'committed',
      result: { created: 2, updated: 0, duplicates: 0 },
    });
    const rows = await feedbackOf(imp.id);
    expect(
      rows.map((r) => [
        r.channel,
        r.score_type,
        r.score_value,
        r.text,
        new Date(r.received_at).toISOString(),
      ]),
    ).toEqual([
      ['import', 'nps', 9, 'Быстро, вежливо', '2026-11-20T10:00:00.000Z'],
      ['import', 'nps', 7, 'Две строки:\r\nвторая', '2026-11-21T11:30:00.000Z'], // 14:30 Moscow
    ]);
    expect(await ackCount()).toBe(0);
  });

  it('reads a Windows-1251 CSV with semicolons so the Cyrillic comes out right', async () => {
    const csv =
      'Дата;Оценка;Комментарий;Сегмент;Клиент\n01.02.2026;3;Курьер опоздал, посылка мятая;Розница;Ёлкин\n';
    const up = await upload(iconv.encode(csv, 'win1251'));
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ';',
      columns: ['Дата', 'Оценка', 'Комментарий', 'Сегмент', 'Клиент'],
    });
    expect(imp.preview).toEqual([
      ['01.02.2026', '3', 'Курьер опоздал, посылка мятая', 'Розница', 'Ёлкин'],
    ]);
    const done = await commit(imp.id, { ...imp.suggestedMapping, fixed: { scoreType: 'csat' } });
    expect(done.statusCode, done.body).toBe(200);
    const [row] = await feedbackOf(imp.id);
    expect(row).toMatchObject({
      text: 'Курьер опоздал, посылка мятая',
      score_type: 'csat',
      score_value: 3,
    });
    expect(new Date(row!.received_at).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    const client = await kit.t.deps.db
      .selectFrom('clients')
      .selectAll()
      .where('id', '=', row!.client_id!)
      .executeTakeFirstOrThrow();
    expect(client).toMatchObject({ name: 'Ёлкин', segment: 'Розница' });
  });

  it('drops a UTF-8 byte-order mark and splits on tabs', async () => {
    const up = await upload(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Отзыв\tОценка\nХорошо\t10\n')]),
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      encoding: 'UTF-8 (BOM)',
      delimiter: '\t',
      columns: ['Отзыв', 'Оценка'],
    });
  });

  it('reads the first worksheet of an XLSX: cached formula results, dates as ISO, numbers plain', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Отзывы');
    ws.addRow(['Дата', 'Оценка', 'Комментарий', 'ID']);
    ws.addRow([
      new Date(Date.UTC(2026, 10, 20, 9, 15)),
      { formula: 'B3+2', result: 9 },
      { richText: [{ text: 'Всё ' }, { text: 'отлично', font: { bold: true } }] },
      1001,
    ]);
    ws.addRow([
      new Date(Date.UTC(2026, 10, 21)),
      7,
      '=HYPERLINK("http://evil.example","нажми")',
      1002,
    ]);
    ws.getCell('A2').numFmt = 'dd.mm.yyyy hh:mm';
    ws.getCell('A3').numFmt = 'dd.mm.yyyy';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(bytes, XLSX, 'отзывы.xlsx');
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({
      kind: 'xlsx',
      filename: 'отзывы.xlsx',
      encoding: null,
      delimiter: null,
    });
    expect(imp.preview).toEqual([
      ['2026-11-20T09:15:00', '9', 'Всё отлично', '1001'],
      ['2026-11-21', '7', '=HYPERLINK("http://evil.example","нажми")', '1002'],
    ]);
    const done = await commit(imp.id, {
      receivedAt: 'Дата',
      scoreValue: 'Оценка',
      text: 'Комментарий',
      sourceId: 'ID',
      fixed: { scoreType: 'nps' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const rows = await feedbackOf(imp.id);
    expect(rows.map((r) => [r.source_id, r.score_value, r.text])).toEqual([
      ['1001', 9, 'Всё отлично'],
      ['1002', 7, '=HYPERLINK("http://evil.example","нажми")'], // stored as text, never evaluated
    ]);
  });

  it('keeps formula-looking CSV cells as plain text', async () => {
    const up = await upload(
      'Комментарий,Оценка\n=1+2,5\n+7 999 123,6\n-не согласен,7\n@SUM(A1),8\n',
    );
    const imp = up.json();
    expect(imp.preview.map((r: string[]) => r[0])).toEqual([
      '=1+2',
      '+7 999 123',
      '-не согласен',
      '@SUM(A1)',
    ]);
    expect(
      (
        await commit(imp.id, {
          text: 'Комментарий',
          scoreValue: 'Оценка',
          fixed: { scoreType: 'nps' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await feedbackOf(imp.id)).map((r) => r.text).sort()).toEqual(
      ['+7 999 123', '-не согласен', '=1+2', '@SUM(A1)'].sort(),
    );
  });
});
