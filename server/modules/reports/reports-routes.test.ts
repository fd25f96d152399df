// The report files end to end, on both dialects: GET /api/v1/reports/{scorecard|arbiter}.{pdf|xlsx}
// answer with the file of the same numbers as the JSON endpoints — a PDF whose extracted text
// holds the Russian headings and the stage, an XLSX whose value cells are numbers.
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
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

describe.each(testDialects())('report files on %s', (dialect) => {
  let t: TestApp;
  let org: TestOrg;
  const clock = fixedClock('2026-11-15T09:00:00Z');
  const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock });
    org = await createTestOrg(t.deps, 'Ромашка');
    await api('POST', '/api/v1/stages', {
      key: 'доставка',
      nameRu: 'Доставка',
      nameEn: 'Delivery',
    });
    const client = (await api('POST', '/api/v1/clients', { name: 'ООО Альфа' })).json().id;
    await api('POST', '/api/v1/feedback', {
      clientId: client,
      stage: 'доставка',
      score: { type: 'nps', value: 10 },
      receivedAt: '2026-10-10T10:00:00Z',
    });
    const sale = await api('POST', '/api/v1/transactions', {
      clientId: client,
      externalId: 'R-1',
      kind: 'sale',
      date: '2026-10-11',
      amount: 1234.5,
      stage: 'доставка',
    });
    expect(sale.statusCode).toBe(201);
  });
  afterAll(async () => t?.close());

  const query = 'from=2026-10-01&to=2026-11-01';

  it('gives the scorecard as a PDF with Cyrillic text and as an XLSX of numbers', async () => {
    const pdf = await api('GET', `/api/v1/reports/scorecard.pdf?${query}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="scorecard-2026-10-01.pdf"',
    );
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text;
    for (const heading of ['Удовлетворённость', 'Транзакционный опыт', 'Доставка', 'Ромашка'])
      expect(text).toContain(heading);
    const xlsx = await api('GET', `/api/v1/reports/scorecard.xlsx?${query}&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const numbers: unknown[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => numbers.push(cell.value))),
    );
    expect(numbers).toContain(1234.5);
    expect(numbers).toContain(100);
  });

  it('gives the arbiter report as PDF and XLSX', async () => {
    const pdf = await api('GET', `/api/v1/reports/arbiter.pdf?${query}`);
    expect(pdf.statusCode).toBe(200);
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text;
    expect(text).toContain('Доставка');
    const xlsx = await api('GET', `/api/v1/reports/arbiter.xlsx?${query}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('refuses a bad window with a problem, not a file', async () => {
    const res = await api('GET', '/api/v1/reports/scorecard.pdf?from=2026-10-05');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
