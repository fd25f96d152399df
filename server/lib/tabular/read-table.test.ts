// Hostile uploads (issue 19): a zip bomb is refused before it is inflated, tables wider or with
// longer cells than the caps are refused, the header check is linear, and parsing happens on a
// worker thread, so the event loop keeps answering while a large file is read.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { readCsv, readXlsx } from './read-table.ts';
import { checkTable, MAX_IMPORT_COLUMNS } from './table.ts';
import { listZipEntries } from './zip-check.ts';
import { buildZip, withBombSheet } from './zip-fixtures.ts';

const MiB = 1024 * 1024;

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Отзывы');
  sheet.addRow(['Текст', 'Оценка']);
  sheet.addRow(['Курьер опоздал', 3]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('reading an uploaded XLSX', () => {
  it('reads a real workbook on a worker thread', async () => {
    const table = await readXlsx(await smallWorkbook());
    expect(table.records).toEqual([
      ['Текст', 'Оценка'],
      ['Курьер опоздал', '3'],
    ]);
  });

  it('refuses a zip bomb whose parts unpack to more than 50 MiB, before inflating them', async () => {
    const err = await failureOf(readXlsx(withBombSheet(await smallWorkbook(), 64 * MiB)));
    expect(err.code).toBe('payload_too_large');
    expect(err.status).toBe(413);
  });

  it('refuses a part that holds more than the archive declares', async () => {
    const bomb = withBombSheet(await smallWorkbook(), 20 * MiB, 1000);
    const err = await failureOf(readXlsx(bomb));
    expect(err.code).toBe('payload_too_large');
  });

  it('refuses an archive declaring gigabytes without reading past its directory', () => {
    const bomb = buildZip([{ name: 'a.xml', data: Buffer.from('x'), declaredSize: 0xfffffff0 }]);
    expect(() => listZipEntries(bomb)).toThrow(/too large/);
  });

  it('answers a damaged workbook with a 422 problem, not a 500', async () => {
    const bytes = await smallWorkbook();
    const err = await failureOf(readXlsx(bytes.subarray(0, bytes.length - 30)));
    expect(err.code).toBe('unprocessable');
  });
});

describe('reading an uploaded CSV', () => {
  it('refuses a row with values beyond the column cap', async () => {
    const wide = Array.from({ length: MAX_IMPORT_COLUMNS + 1 }, (_, i) => `c${i}`).join(';');
    const err = await failureOf(readCsv(Buffer.from(`${wide}\n${wide}\n`)));
    expect(err.code).toBe('payload_too_large');
  });

  it('refuses a cell longer than the cap', () => {
    const records = [['Текст'], ['x'.repeat(30_000)]];
    expect(() => checkTable({ records })).toThrow(/more than/);
  });

  it('checks a hostile header cell in linear time, and refuses one over the cell cap', () => {
    const cpuSeconds = (fn: () => unknown) => {
      const start = process.cpuUsage();
      fn();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1e6;
    };
    // /[^@\s]+@[^@\s]+\.[^@\s]+$/ backtracks quadratically on these: 0.7 s at 40 000 characters.
    const hostile = (n: number) => `a@${'.b'.repeat(n / 2)}@`;
    expect(cpuSeconds(() => checkTable({ records: [[hostile(19_000)], ['x']] }))).toBeLessThan(1);
    expect(
      cpuSeconds(() =>
        expect(() => checkTable({ records: [[hostile(MiB)], ['x']] })).toThrow(/more than/),
      ),
    ).toBeLessThan(1);
  });

  it('keeps the event loop answering while a large file is parsed', async () => {
    const line = 'Иван Петров;ivan@example.ru;Курьер опоздал на два дня, коробка помята;3\n';
    const bytes = Buffer.from(`Имя;Почта;Текст;Оценка\n${line.repeat(100_000)}`);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const parsing = readCsv(bytes);
      expect(parsing).toBeInstanceOf(Promise);
      const table = await parsing;
      expect(table.records).toHaveLength(100_001);
    } finally {
      clearInterval(timer);
    }
    // Parsed on the event loop, the file would leave no room for a single tick.
    expect(ticks).toBeGreaterThan(5);
  });
});
