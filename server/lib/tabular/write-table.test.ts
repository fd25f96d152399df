// Exports: the CSV dialects byte for byte, and XLSX read back with exceljs, on a small table
// written by hand (text with a separator, a quote and a formula lookalike, money, a share, a
// count, a date, an empty cell and a row that mixes types).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachment, writeCsv, writeXlsx, writeXlsxBook, type Table } from './write-table.ts';

const table: Table = {
  name: 'Продажи: 2026/01',
  columns: [
    { header: 'Документ', type: 'text' },
    { header: 'Дата', type: 'date' },
    { header: 'Сумма', type: 'money' },
    { header: 'Доля', type: 'percent' },
    { header: 'Штук', type: 'integer' },
  ],
  rows: [
    ['РН-1; "срочно"', '2026-01-15', 12345.5, 0.25, 3],
    ['=HYPERLINK("x")', '2026-02-01', -100, null, 0],
    ['Итого', null, { value: 7, type: 'integer' }, 1, null],
  ],
};

describe('writeCsv', () => {
  it('Russian dialect: BOM, semicolons, decimal comma, quoted and defused text', () => {
    const text = writeCsv(table, 'ru').toString('utf8');
    expect(text).toBe(
      '\uFEFFДокумент;Дата;Сумма;Доля;Штук\r\n' +
        '"РН-1; ""срочно""";2026-01-15;12345,50;0,25;3\r\n' +
        '"\'=HYPERLINK(""x"")";2026-02-01;-100,00;;0\r\n' +
        'Итого;;7;1;\r\n',
    );
  });

  it('English dialect: BOM, commas, decimal point', () => {
    const text = writeCsv(table, 'en').toString('utf8');
    expect(text).toBe(
      '\uFEFFДокумент,Дата,Сумма,Доля,Штук\r\n' +
        '"РН-1; ""срочно""",2026-01-15,12345.50,0.25,3\r\n' +
        '"\'=HYPERLINK(""x"")",2026-02-01,-100.00,,0\r\n' +
        'Итого,,7,1,\r\n',
    );
  });
});

describe('writeXlsx', () => {
  it('reads back as typed cells with their formats', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Продажи  2026 01');
    const values = (r: number) =>
      Array.from({ length: 5 }, (_, c) => sheet.getRow(r).getCell(c + 1).value ?? null);
    expect(values(1)).toEqual(['Документ', 'Дата', 'Сумма', 'Доля', 'Штук']);
    expect(values(2)).toEqual([
      'РН-1; "срочно"',
      new Date('2026-01-15T00:00:00Z'),
      12345.5,
      0.25,
      3,
    ]);
    // Text that looks like a formula stays text: nothing is evaluated when the file is opened.
    expect(values(3)).toEqual([
      '\'=HYPERLINK("x")',
      new Date('2026-02-01T00:00:00Z'),
      -100,
      null,
      0,
    ]);
    expect(values(4)).toEqual(['Итого', null, 7, 1, null]);
    expect(sheet.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('0.0%');
    expect(sheet.getRow(4).getCell(3).numFmt).toBe('0');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });
});

describe('writeXlsxBook', () => {
  it('writes a sheet per table in order, numbers as numbers, clashing names made unique', async () => {
    const other: Table = {
      name: 'продажи  2026 01',
      columns: [
        { header: 'n', type: 'integer' },
        { header: 'p', type: 'number' },
      ],
      rows: [[42, 0.00004]],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeXlsxBook([
        table,
        other,
        { ...other, name: 'x'.repeat(40) },
      ])) as unknown as ArrayBuffer,
    );
    // The second name equals the first once cleaned, compared without case as Excel does.
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Продажи  2026 01',
      'продажи  2026 01 (2)',
      'x'.repeat(31),
    ]);
    expect(workbook.worksheets[1]!.getRow(2).getCell(1).value).toBe(42);
    // A `number` keeps Excel's General format: a p of 0.00004 must not show as 0.00.
    const p = workbook.worksheets[1]!.getRow(2).getCell(2);
    expect(p.value).toBe(0.00004);
    expect(p.numFmt ?? 'General').toBe('General');
    expect(writeCsv(other, 'ru').toString('utf8')).toBe('\uFEFFn;p\r\n42;0,00004\r\n');
    expect(workbook.worksheets[0]!.getRow(2).getCell(3).value).toBe(12345.5);
  });
});

describe('attachment', () => {
  it('names the file with safe characters only', () => {
    expect(attachment('transactions-2026', 'csv')).toBe(
      'attachment; filename="transactions-2026.csv"',
    );
    expect(attachment('a"b/c d', 'xlsx')).toBe('attachment; filename="a-b-c-d.xlsx"');
  });
});

describe('formula-like text', () => {
  const risky = ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'];
  const plain = ['1', 'a=b', 'Иван -2', ''];

  it('gets a leading apostrophe in CSV and XLSX, stays a string cell; numbers stay numbers', async () => {
    const t: Table = {
      name: 'x',
      columns: [
        { header: 'text', type: 'text' },
        { header: 'n', type: 'integer' },
      ],
      rows: [...risky, ...plain].map((s) => [s || null, -2]),
    };
    const lines = writeCsv(t, 'en').toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, 5)).toEqual(["'=1+1,-2", "'+1,-2", "'-2,-2", "'@SUM(A1),-2"]);
    expect(lines[5]).toBe("'\tx,-2");
    expect(lines.slice(7, 10)).toEqual(['1,-2', 'a=b,-2', 'Иван -2,-2']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(t)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    risky.forEach((s, i) => {
      // XML reads a CR back as LF; what matters is the apostrophe in front.
      expect(sheet.getRow(i + 2).getCell(1).value).toBe(`'${s.replace('\r', '\n')}`);
      expect(sheet.getRow(i + 2).getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(-2);
    });
    expect(sheet.getRow(risky.length + 2).getCell(1).value).toBe('1');
  });

  it('writes instants as UTC date-times: text in CSV, date cells in XLSX', async () => {
    const t: Table = {
      name: 'x',
      columns: [{ header: 'at', type: 'datetime' }],
      rows: [['2026-03-01T10:20:30.000+03:00']],
    };
    expect(writeCsv(t, 'ru').toString('utf8')).toBe('\uFEFFat\r\n2026-03-01 07:20:30\r\n');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(t)) as unknown as ArrayBuffer);
    const cell = book.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.value).toEqual(new Date('2026-03-01T07:20:30Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });
});
