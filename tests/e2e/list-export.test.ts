// List exports in the browser (issue 16): on /clients filtered by segment the CSV and XLSX
// buttons save files holding exactly the filtered clients, headers in Russian, a name that
// looks like a formula defused with an apostrophe; on a phone (390 px) the unfiltered list, above
// the cap (EXPORT_MAX_ROWS=3 here), shows the translated too_many_rows message and nothing else
// is wider than the screen.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClientFor,
  openSignedIn,
  SCREENSHOTS,
  startHarness,
  WAIT,
  type Harness,
} from './harness.ts';

const PHONE = { width: 390, height: 844 };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ EXPORT_MAX_ROWS: '3' });
  const api = await apiClientFor(harness);
  for (const [name, segment] of [
    ['=HYPERLINK("http://x")', 'vip'],
    ['+1 Плюс', 'vip'],
    ['ООО Обычный', 'other'],
    ['ИП Четвёртый', 'other'],
  ]) {
    const res = await api('POST', '/api/v1/clients', { name, segment });
    expect(res.status).toBe(201);
  }
}, 90_000);
afterAll(async () => harness?.stop());

async function download(page: Page, format: 'csv' | 'xlsx') {
  const [file] = await Promise.all([
    page.waitForEvent('download', WAIT),
    page.getByTestId(`list-export-${format}`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('the clients list export', () => {
  it('saves the filtered list as CSV and XLSX with Russian headers', async () => {
    const { page, errors } = await openSignedIn(harness, undefined, '/clients?segment=vip');
    await page.getByTestId('list-export-csv').waitFor(WAIT);

    const csv = await download(page, 'csv');
    expect(csv.name).toMatch(/^clients-\d{4}-\d\d-\d\d\.csv$/);
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFНазвание;Вид;Внешний ID;Сегмент;')).toBe(true);
    const names = lines.slice(1, -1).map((l) => l.split(';')[0]);
    expect(names.sort()).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1 Плюс"].sort());
    expect(lines.at(-1)).toBe('');

    const xlsx = await download(page, 'xlsx');
    expect(xlsx.name).toMatch(/^clients-\d{4}-\d\d-\d\d\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Клиенты');
    expect(sheet.getRow(1).getCell(1).value).toBe('Название');
    expect(sheet.rowCount).toBe(3);
    const cells = [2, 3].map((r) => sheet.getRow(r).getCell(1).value);
    expect(cells.sort()).toEqual(['\'=HYPERLINK("http://x")', "'+1 Плюс"].sort());
    expect(errors).toEqual([]);
  }, 60_000);

  it('on a phone, tells in Russian that the whole list is too long for one file', async () => {
    const { page, errors } = await openSignedIn(harness, PHONE, '/clients');
    await page.getByTestId('list-export-xlsx').click();
    const alert = page.getByTestId('list-export').getByTestId('error-alert');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('Слишком много строк для одного файла');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/clients-export-390.png`, fullPage: true });
    // The 422 is the expected answer of the request, which the browser logs as a failed load.
    expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
  }, 60_000);
});
