// The checks every uploaded table passes, whatever its format: a header of unique, non-empty
// names in the first row, at least one data row, at most MAX_IMPORT_ROWS rows, MAX_IMPORT_COLUMNS
// columns and MAX_CELL_CHARS characters a cell. Pure.
import { MAX_IMPORT_ROWS } from '../../../shared/api/imports.ts';
import { AppError } from '../../http/errors.ts';

/** Columns a file may have (a wider one is not a table of clients or calls). */
export const MAX_IMPORT_COLUMNS = 200;
/** Characters a cell may hold; feedback text itself is at most 20 000. */
export const MAX_CELL_CHARS = 20_000;

export interface RawTable {
  /** Every row of the file including the header, cells as text. */
  records: string[][];
}

export interface Table {
  columns: string[];
  /** Data rows; row i is line i + 2 of the file (the header is line 1). Blank rows keep their place. */
  rows: string[][];
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** A header cell that is a number, a date or an e-mail means the first row is data, not names. */
const NUMBER_OR_DATE = /^(?:[-+]?\d+(?:[.,]\d+)?|\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}.*)$/;

/** name@domain.tld without spaces; a scan, since /[^@\s]+@[^@\s]+\.[^@\s]+/ backtracks. */
function looksLikeEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at < 1 || s.indexOf('@', at + 1) >= 0 || /\s/.test(s)) return false;
  const dot = s.indexOf('.', at + 2);
  return dot >= 0 && dot < s.length - 1;
}

const looksLikeData = (name: string) => NUMBER_OR_DATE.test(name) || looksLikeEmail(name);

/** Refuses a table wider than MAX_IMPORT_COLUMNS or with a cell over MAX_CELL_CHARS. */
function checkSize(records: readonly string[][], end: number): void {
  for (let r = 0; r < end; r++) {
    const row = records[r]!;
    let width = row.length;
    while (width > 0 && row[width - 1] === '') width -= 1;
    if (width > MAX_IMPORT_COLUMNS)
      throw new AppError(
        'payload_too_large',
        `Row ${r + 1} has ${width} columns; at most ${MAX_IMPORT_COLUMNS} can be imported`,
      );
    const long = row.findIndex((cell) => cell.length > MAX_CELL_CHARS);
    if (long >= 0)
      throw new AppError(
        'payload_too_large',
        `Row ${r + 1}, column ${long + 1} holds more than ${MAX_CELL_CHARS} characters`,
      );
  }
}

export function checkTable(raw: RawTable): Table {
  const records = raw.records;
  let end = records.length;
  while (end > 0 && isBlank(records[end - 1]!)) end -= 1;
  if (end === 0) throw new AppError('unprocessable', 'The file is empty');
  if (end - 1 > MAX_IMPORT_ROWS) {
    throw new AppError(
      'payload_too_large',
      `The file has ${end - 1} data rows; at most ${MAX_IMPORT_ROWS} can be imported at once — split it into several files`,
    );
  }
  checkSize(records, end);
  const header = records[0]!.map((name) => name.trim());
  if (isBlank(header))
    throw new AppError(
      'unprocessable',
      'The first row must hold the column names, but it is empty',
    );
  while (header.length > 1 && header[header.length - 1] === '') header.pop(); // trailing empty cells of spreadsheets

  const empty = header.findIndex((name) => name === '');
  if (empty >= 0)
    throw new AppError(
      'unprocessable',
      `Column ${empty + 1} of the first row has no name; every column needs a unique name`,
    );
  const dataLike = header.find(looksLikeData);
  if (dataLike !== undefined) {
    throw new AppError(
      'unprocessable',
      `The first row must hold the column names, but "${dataLike}" looks like data`,
    );
  }
  const seen = new Map<string, number>();
  for (const name of header) {
    const key = name.toLocaleLowerCase('ru');
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const duplicates = header.filter((name) => seen.get(name.toLocaleLowerCase('ru'))! > 1);
  if (duplicates.length > 0)
    throw new AppError(
      'unprocessable',
      `Column names repeat: ${[...new Set(duplicates)].join(', ')}`,
    );

  const dataRows = end - 1;
  if (dataRows === 0)
    throw new AppError('unprocessable', 'The file has column names but no data rows');
  const rows = records.slice(1, end).map((row) => (isBlank(row) ? [] : trimTrailingEmpty(row)));
  return { columns: header, rows };
}

function trimTrailingEmpty(row: string[]): string[] {
  let n = row.length;
  while (n > 0 && row[n - 1] === '') n -= 1;
  return n === row.length ? row : row.slice(0, n);
}

export { isBlank };
