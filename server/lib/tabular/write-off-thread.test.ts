// Export files written on a worker thread are the files written inline: CSV byte for byte, XLSX
// cell for cell (typed numbers and dates, defused formula-like text).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeTableFile } from './write-off-thread.ts';
import type { Table } from './write-table.ts';

const table: Table = {
  name: 'Клиенты',
  columns: [
    { header: 'Название', type: 'text' },
    { header: 'Бюджет', type: 'money' },
    { header: 'Создан', type: 'datetime' },
  ],
  rows: Array.from({ length: 30 }, (_, i) => [
    i % 2 ? `=HYPERLINK("http://x/${i}")` : `ООО №${i}`,
    i * 1000.5,
    `2026-11-${String(i + 1).padStart(2, '0')}T09:30:00.000Z`,
  ]),
};

async function cells(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => out.push([1, 2, 3].map((c) => row.getCell(c).value)));
  return out;
}

describe('writeTableFile', () => {
  it('writes the same CSV on a thread as inline', async () => {
    for (const dialect of ['ru', 'en'] as const) {
      const inline = await writeTableFile(table, 'csv', dialect, 1_000);
      const threaded = await writeTableFile(table, 'csv', dialect, 0);
      expect(threaded.equals(inline)).toBe(true);
      expect(inline.toString('utf8')).toContain(`"'=HYPERLINK(""http://x/1"")"`);
    }
  });

  it('writes the same XLSX cells on a thread as inline', async () => {
    const inline = await cells(await writeTableFile(table, 'xlsx', 'ru', 1_000));
    const threaded = await cells(await writeTableFile(table, 'xlsx', 'ru', 0));
    expect(threaded).toEqual(inline);
    expect(threaded).toHaveLength(31);
    expect(threaded[2]).toEqual([
      `'=HYPERLINK("http://x/1")`,
      1000.5,
      new Date('2026-11-02T09:30:00.000Z'),
    ]);
  });
});
