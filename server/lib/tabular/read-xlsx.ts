// XLSX bytes → a table of strings, from the first worksheet. Formulas are never evaluated: a
// formula cell contributes the result Excel cached when the file was saved (or nothing). The
// archive is checked for its unpacked size before exceljs inflates it (zip-check.ts). CPU-bound:
// callers use readXlsx (read-table.ts), which runs this on a worker thread.
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../../shared/api/imports.ts';
import { AppError } from '../../http/errors.ts';
import { MAX_IMPORT_COLUMNS, type RawTable } from './table.ts';
import { checkZipArchive } from './zip-check.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const looksLikeZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b);

export async function parseXlsx(bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw new AppError('unprocessable', 'The file is empty');
  if (!looksLikeZip(bytes))
    throw new AppError(
      'unprocessable',
      'The file is not an XLSX workbook (an old .xls or a renamed file?); save it as .xlsx or CSV',
    );
  checkZipArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new AppError(
      'unprocessable',
      `The XLSX workbook could not be read: ${(err as Error).message}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new AppError('unprocessable', 'The file is empty');
  // +1 for the header; blank rows at the end are trimmed later, so allow a little slack here.
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1 + 1000) {
    throw new AppError(
      'payload_too_large',
      `The worksheet has ${sheet.rowCount} rows; at most ${MAX_IMPORT_ROWS} can be imported at once — split it into several files`,
    );
  }
  const width = Math.min(sheet.columnCount, MAX_IMPORT_COLUMNS);
  sheet.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      if (c > MAX_IMPORT_COLUMNS && cellText(cell.value) !== '') throw tooWide(r);
    });
  });
  const records: string[][] = [];
  // By row number, so a blank row in the middle keeps the numbering of the rows after it.
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    // PostgreSQL's jsonb cannot hold NUL characters, and no one meant to type them.
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).replace(/\0/g, ''));
    records.push(cells);
  }
  return { records };
}

const tooWide = (row: number) =>
  new AppError(
    'payload_too_large',
    `Row ${row} has a value beyond column ${MAX_IMPORT_COLUMNS}; at most ${MAX_IMPORT_COLUMNS} columns can be imported`,
  );

/** One cell as text: numbers plain, dates ISO (wall-clock, no zone), rich text as its text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClockIso(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    if ('text' in value)
      return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return '';
}

/** Excel dates have no time zone; exceljs hands them over as UTC, so the UTC fields are the wall clock. */
function wallClockIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
