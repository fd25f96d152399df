// File imports end to end through HTTP, with real files built here: UTF-8 and Windows-1251 CSV,
// XLSX with a formula and a date, row-level reports, all-or-nothing commits, both dialects.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import { testDialects } from '../../../tests/support/db.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDialects())('feedback imports on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  const upload = (body: string | Buffer, type = 'text/csv', filename = 'feedback.csv') =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports?filename=${encodeURIComponent(filename)}`,
      headers: { 'content-type': type },
      payload: body,
    });
  const validate = (id: string, mapping: object) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports/${id}/validate`,
      payload: { mapping },
    });
  const commit = (id: string, mapping: object, acknowledge?: boolean) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports/${id}/commit`,
      payload: { mapping, ...(acknowledge === undefined ? {} : { acknowledge }) },
    });
  // raw is jsonb on PostgreSQL and text on SQLite, so the import id is matched here, not in SQL.
  const feedbackOf = async (importId: string) =>
    (
      await t.deps.db
        .selectFrom('feedback')
        .selectAll()
        .where('org_id', '=', org.orgId)
        .orderBy('received_at')
        .orderBy('id')
        .execute()
    ).filter((r) => String(r.raw).includes(importId));
  const ackCount = async () =>
    (
      await t.deps.db
        .selectFrom('messages')
        .select('id')
        .where('org_id', '=', org.orgId)
        .where('kind', '=', 'ack')
        .execute()
    ).length;

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
      result: { created: 2, duplicates: 0 },
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
    const client = await t.deps.db
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

  it('reports row-level errors with file row numbers and writes nothing', async () => {
    const csv = [
      'Дата,Оценка,Комментарий,Email',
      '20.11.2026,9,Хорошо,a@example.ru', // row 2: fine
      '31.02.2026,8,Плохая дата,b@example.ru', // row 3
      '21.11.2026,семь,,c@example.ru', // row 4: not a score, no text
      ',,,', // row 5: blank
      '22.11.2026,11,Вне шкалы,not-an-email', // row 6: out of range, bad e-mail
    ].join('\n');
    const imp = (await upload(csv)).json();
    const res = await validate(imp.id, {
      receivedAt: 'Дата',
      scoreValue: 'Оценка',
      text: 'Комментарий',
      contactEmail: 'Email',
      fixed: { scoreType: 'nps' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valid: 1, invalid: 3, blank: 1, errorCount: 4 });
    expect(
      report.errors.map((e: { row: number; column: string | null; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [3, 'Дата', 'invalid_date'],
      [4, 'Оценка', 'not_an_integer'],
      [6, 'Email', 'invalid_value'],
      [6, 'Оценка', 'invalid_value'],
    ]);
    expect(await feedbackOf(imp.id)).toHaveLength(0);

    const noScoreNoText = await validate(imp.id, { receivedAt: 'Дата', text: 'Комментарий' });
    expect(noScoreNoText.json().errors).toContainEqual(
      expect.objectContaining({ row: 4, code: 'score_or_text_required' }),
    );
    const unknown = await validate(imp.id, { text: 'Отзыв' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams).toEqual([
      { name: 'body.mapping.text', reason: 'no column "Отзыв" in the file' },
    ]);
  });

  it('commits nothing when one row of many is bad (422), and the report stays on the import', async () => {
    const lines = ['Оценка,Комментарий'];
    for (let i = 1; i <= 1500; i++)
      lines.push(i === 1234 ? 'десять,Плохая строка' : `${i % 11},Отзыв ${i}`);
    const imp = (await upload(lines.join('\n'))).json();
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const res = await commit(imp.id, mapping);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'unprocessable',
      invalidParams: [{ name: 'rows.1235.Оценка' }],
    });
    expect(await feedbackOf(imp.id)).toHaveLength(0);
    const after = (
      await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/imports/${imp.id}` })
    ).json();
    expect(after).toMatchObject({
      status: 'uploaded',
      report: { valid: 1499, invalid: 1 },
      mapping,
    });
  });

  it('treats rows already recorded under the same source id as duplicates', async () => {
    await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { text: 'уже было', sourceId: 'dup-2' },
    });
    const imp = (await upload('Комментарий,ID\nРаз,dup-1\nДва,dup-2\n')).json();
    const done = await commit(imp.id, { text: 'Комментарий', sourceId: 'ID' });
    expect(done.json().result).toEqual({ created: 1, duplicates: 1 });
  });

  it('answers a second commit with 409, and a re-upload of the same file creates nothing new', async () => {
    const csv = 'Оценка,Комментарий\n9,Раз\n3,Два\n';
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const first = (await upload(csv)).json();
    expect((await commit(first.id, mapping)).statusCode).toBe(200);
    const again = await commit(first.id, mapping);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    const second = (await upload(csv)).json();
    const replay = await commit(second.id, mapping);
    expect(replay.json().result).toEqual({ created: 0, duplicates: 2 });
    expect(
      (await call(t.app, org.apiKey, { method: 'DELETE', url: `/api/v1/imports/${first.id}` }))
        .statusCode,
    ).toBe(409);
  });

  it('sends acknowledgements only when asked to', async () => {
    const before = await ackCount();
    const imp = (await upload('Оценка,Комментарий,Email\n9,Спасибо,ack@example.ru\n')).json();
    expect(
      (
        await commit(
          imp.id,
          {
            scoreValue: 'Оценка',
            text: 'Комментарий',
            contactEmail: 'Email',
            fixed: { scoreType: 'nps' },
          },
          true,
        )
      ).statusCode,
    ).toBe(200);
    expect(await ackCount()).toBe(before + 1);
  });

  it('opens cases for imported detractors only when asked to', async () => {
    const cases = async () => (await t.deps.db.selectFrom('cases').select('id').execute()).length;
    const mapping = { scoreValue: 'Оценка', text: 'Комментарий', fixed: { scoreType: 'nps' } };
    const before = await cases();
    const history = (await upload('Оценка,Комментарий\n2,Плохо\n')).json();
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/imports/${history.id}/commit`,
          payload: { mapping },
        })
      ).statusCode,
    ).toBe(200);
    expect(await cases()).toBe(before);
    const fresh = (await upload('Оценка,Комментарий\n1,Ужасно\n')).json();
    expect(
      (
        await call(t.app, org.apiKey, {
          method: 'POST',
          url: `/api/v1/imports/${fresh.id}/commit`,
          payload: { mapping, openCases: true },
        })
      ).statusCode,
    ).toBe(200);
    expect(await cases()).toBe(before + 1);
  });

  it('refuses 100 001 rows with a clear 413 and stores nothing', async () => {
    const body = `Оценка\n${'5\n'.repeat(100_001)}`;
    const imports = async () =>
      (await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/imports?limit=100' })).json()
        .items.length;
    const before = await imports();
    const res = await upload(body);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'payload_too_large',
      detail: expect.stringContaining('100001 data rows'),
    });
    // No stopwatch here (machine speed is not behaviour): the refusal stores no import.
    expect(await imports()).toBe(before);
    const exactly = await upload(`Оценка\n${'5\n'.repeat(100_000)}`);
    expect(exactly.statusCode).toBe(201);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a header only', 'Оценка,Комментарий\n', 'no data rows'],
    ['repeated column names', 'Оценка,оценка\n1,2\n', 'repeat'],
    ['a column without a name', 'Оценка,,Текст\n1,2,3\n', 'no name'],
    ['no header row', '9,Всё хорошо\n3,Плохо\n', 'looks like data'],
    [
      'bytes that are no text',
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]),
      'not readable text',
    ],
    ['an unclosed quote', 'Текст\n"без конца\n', 'could not be read'],
  ])('refuses %s with 422 unprocessable', async (_label, body, detail) => {
    const res = await upload(body as string);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('unprocessable');
    expect(res.json().detail).toContain(detail);
  });

  it('refuses a broken XLSX, wrong media types and oversized files', async () => {
    const broken = await upload(Buffer.from('PK\x03\x04 not really a zip'), XLSX, 'x.xlsx');
    expect(broken.statusCode).toBe(422);
    for (const type of ['text/plain', 'application/xml'])
      expect((await upload('Оценка\n5\n', type)).statusCode).toBe(415);
    expect((await upload('Оценка\n5\n', 'application/octet-stream', 'data.bin')).statusCode).toBe(
      415,
    );
    expect(
      (await upload('Оценка,Текст\n5,Ок\n', 'application/octet-stream', 'data.csv')).statusCode,
    ).toBe(201);
    const json = await call(t.app, org.apiKey, {
      method: 'POST',
      url: '/api/v1/imports',
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
  });

  it('lists imports without rows, and discards an uncommitted one', async () => {
    const imp = (await upload('Оценка\n5\n', 'text/csv', '../../etc/пароли.csv')).json();
    expect(imp.filename).toBe('пароли.csv');
    const list = (
      await call(t.app, org.apiKey, { method: 'GET', url: '/api/v1/imports?limit=200' })
    ).json();
    expect(list.items[0]).toEqual({
      id: imp.id,
      kind: 'csv',
      filename: 'пароли.csv',
      status: 'uploaded',
      rowCount: 1,
      createdAt: imp.createdAt,
      committedAt: null,
    });
    expect(
      (await call(t.app, org.apiKey, { method: 'DELETE', url: `/api/v1/imports/${imp.id}` }))
        .statusCode,
    ).toBe(204);
    expect(
      (await call(t.app, org.apiKey, { method: 'GET', url: `/api/v1/imports/${imp.id}` }))
        .statusCode,
    ).toBe(404);
  });
});
