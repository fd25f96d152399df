// A table → CSV or XLSX bytes, for exports. CSV starts with a BOM so Excel reads UTF-8; the
// Russian dialect is what Excel-ru opens with a double click (';' between fields, a decimal
// comma), the English one is plain RFC 4180 (',' and a decimal point). Text that a spreadsheet
// would run as a formula (= + - @, tab or CR at the start: OWASP's CSV injection list) gets a
// leading apostrophe in both formats, and in XLSX is also a plain string cell, never a formula
// (the apostrophe keeps it text if someone edits the cell and presses Enter). Numbers stay
// numbers, formatted by their column's type; dates and instants are date cells in XLSX.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';

/**
 * `number`: written as it is, in Excel's General format (a p-value, a correlation).
 * `date`: YYYY-MM-DD; `datetime`: an ISO-8601 instant, written in UTC (XLSX: a date cell).
 */
export type ColumnType =
  'text' | 'integer' | 'decimal' | 'number' | 'money' | 'percent' | 'date' | 'datetime';
/** A number with its own type (a table whose rows mix money, counts and shares). */
export interface TypedNumber {
  value: number | null;
  type: Exclude<ColumnType, 'text' | 'date' | 'datetime'>;
}
export type Cell = string | number | null | TypedNumber;
export interface TableColumn {
  header: string;
  type: ColumnType;
}
export interface Table {
  /** The worksheet's name (at most 31 characters in XLSX; cut when longer). */
  name: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly Cell[])[];
}
export type CsvDialect = 'ru' | 'en';
export type ExportFormat = 'csv' | 'xlsx';

const CSV = { ru: { separator: ';', decimal: ',' }, en: { separator: ',', decimal: '.' } };
const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMALS: Record<TypedNumber['type'], number | undefined> = {
  integer: 0,
  money: 2,
  decimal: undefined,
  number: undefined,
  percent: undefined,
};

/** Text a spreadsheet would take for a formula, defused with a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const DAY_ONLY = /^\d{4}-\d\d-\d\d$/;

/** An ISO instant as `YYYY-MM-DD HH:MM:SS` UTC (CSV); a bare day, or what does not parse, as is. */
function csvInstant(value: string): string {
  if (DAY_ONLY.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function resolve(
  cell: Cell,
  column: TableColumn,
): { value: string | number | null; type: ColumnType } {
  if (cell !== null && typeof cell === 'object') return { value: cell.value, type: cell.type };
  return { value: cell, type: column.type };
}

function csvNumber(value: number, type: ColumnType, decimal: string): string {
  const places = DECIMALS[type as keyof typeof DECIMALS];
  const text = places === undefined ? String(value) : value.toFixed(places);
  return text.replace('.', decimal);
}

function csvField(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(table: Table, dialect: CsvDialect): Buffer {
  const { separator, decimal } = CSV[dialect];
  const line = (cells: readonly string[]) =>
    cells.map((c) => csvField(c, separator)).join(separator);
  const lines = [line(table.columns.map((c) => c.header))];
  for (const row of table.rows) {
    lines.push(
      line(
        table.columns.map((column, i) => {
          const { value, type } = resolve(row[i] ?? null, column);
          if (value === null) return '';
          if (typeof value === 'number') return csvNumber(value, type, decimal);
          if (type === 'datetime') return neutraliseFormula(csvInstant(value));
          return neutraliseFormula(value);
        }),
      ),
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const NUM_FMT: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  number: undefined,
  money: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** One table → a workbook of one sheet. */
export async function writeXlsx(table: Table): Promise<Buffer> {
  return writeXlsxStreamed(table);
}

/**
 * Several tables → one workbook, a sheet each, in order. Sheet names are cleaned of the
 * characters Excel refuses and cut to 31; a name already taken gets " (2)", " (3)"…, since Excel
 * (and exceljs) refuse two sheets of the same name, compared without case.
 */
export async function writeXlsxBook(tables: readonly Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const table of tables) addSheet(workbook, table, sheetName(table.name, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** A cell's value and number format as exceljs takes them (null: leave the cell empty). */
function xlsxCell(
  cell: Cell,
  column: TableColumn,
): { value: ExcelJS.CellValue; numFmt?: string } | null {
  const { value, type } = resolve(cell, column);
  if (value === null) return null;
  if (typeof value === 'string') {
    // A datetime column may hold bare days (the scorecard's records): a date cell of the day.
    if ((type === 'date' || type === 'datetime') && DAY_ONLY.test(value))
      return { value: new Date(`${value}T00:00:00Z`), numFmt: NUM_FMT.date };
    if (type === 'datetime' && !Number.isNaN(Date.parse(value)))
      return { value: new Date(Date.parse(value)), numFmt: NUM_FMT.datetime };
    // A string is always a string value: exceljs never turns '=…' text into a formula.
    return { value: neutraliseFormula(value) };
  }
  return { value, numFmt: NUM_FMT[type] };
}

/** Column widths from the header and the first 200 rows, between 10 and 60 characters. */
function widthsOf(table: Table): number[] {
  return table.columns.map((column, i) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows
        .slice(0, 200)
        .map((r) => String(resolve(r[i] ?? null, column).value ?? '').length),
    );
    return Math.min(60, Math.max(10, longest + 2));
  });
}

function fillRow(row: ExcelJS.Row, cells: readonly Cell[], columns: readonly TableColumn[]) {
  columns.forEach((column, i) => {
    const out = xlsxCell(cells[i] ?? null, column);
    if (!out) return;
    const cell = row.getCell(i + 1);
    cell.value = out.value;
    if (out.numFmt) cell.numFmt = out.numFmt;
  });
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) fillRow(sheet.addRow([]), row, table.columns);
  widthsOf(table).forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/**
 * One table → a workbook of one sheet, written row by row with exceljs' streaming writer: each
 * row is committed as it is added, so a 100 000-row list export needs a few hundred MB and
 * seconds, where the in-memory workbook needs gigabytes and most of a minute.
 */
async function writeXlsxStreamed(table: Table): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => out.on('end', resolve).on('error', reject));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(table.name, new Set()), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Widths before the first row: the streaming writer writes the columns with it.
  sheet.columns = widthsOf(table).map((width) => ({ width }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    const added = sheet.addRow([]);
    fillRow(added, row, table.columns);
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `attachment; filename="name.csv"` — callers pass ASCII names (letters, digits, - and _). */
export function attachment(baseName: string, format: ExportFormat | 'pdf'): string {
  const safe = baseName.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `attachment; filename="${safe}.${format}"`;
}
