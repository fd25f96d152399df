// CSV bytes → a table of strings. Russian spreadsheets are saved either as UTF-8 (with or without a
// BOM) or as Windows-1251 with `;` between fields, so both the encoding and the delimiter are
// detected rather than asked for. Pure: no I/O. CPU-bound: callers use readCsv (read-table.ts),
// which runs this on a worker thread.
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../http/errors.ts';
import { MAX_IMPORT_COLUMNS, type RawTable } from './table.ts';

/** Single-byte Cyrillic code pages chardet may name; anything else that is not UTF-8 is read as 1251. */
const CYRILLIC_CODE_PAGES = new Set(['windows-1251', 'KOI8-R', 'IBM866', 'ISO-8859-5']);
const DELIMITERS = [';', ',', '\t'] as const;

export interface DecodedText {
  text: string;
  encoding: string;
}

export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text:
        strictUtf8(bytes.subarray(3)) ?? unreadable('it starts like UTF-8 but is not valid UTF-8'),
      encoding: 'UTF-8 (BOM)',
    };
  }
  // Excel's "Unicode text" export is UTF-16 with a BOM.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return checked(iconv.decode(bytes.subarray(2), 'utf-16le'), 'UTF-16LE');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return checked(iconv.decode(bytes.subarray(2), 'utf-16be'), 'UTF-16BE');
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return checked(utf8, 'UTF-8');
  // chardet names short Cyrillic files "ASCII" or a Latin code page; for this product's users
  // a non-UTF-8 file is Windows-1251 unless chardet is sure of another Cyrillic code page.
  const guess = chardet.detect(bytes);
  const encoding = guess && CYRILLIC_CODE_PAGES.has(guess) ? guess : 'windows-1251';
  return checked(iconv.decode(bytes, encoding), encoding);
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A text file never holds U+FFFD or control characters other than tab and line breaks. */
function checked(text: string, encoding: string): DecodedText {
  // eslint-disable-next-line no-control-regex
  if (/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) {
    unreadable(`it could not be decoded as ${encoding}; save it as CSV in UTF-8`);
  }
  return { text, encoding };
}

function unreadable(why: string): never {
  throw new AppError('unprocessable', `The file is not readable text: ${why}`);
}

/** The delimiter is the one of `;` `,` tab that appears most often in the header line outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

export type CsvTable = RawTable & { encoding: string; delimiter: string };

export function parseCsv(bytes: Buffer): CsvTable {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new AppError('unprocessable', 'The file is empty');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      // `ООО "Ромашка"` without surrounding quotes is common in hand-made files.
      relax_quotes: true,
      // Blank lines keep their place so row numbers in reports match the file.
      skip_empty_lines: false,
      bom: false,
      // A line of 20 MiB of delimiters would otherwise become millions of cells.
      on_record: (record: string[], { lines }: { lines: number }) => {
        if (record.length > MAX_IMPORT_COLUMNS && record.slice(MAX_IMPORT_COLUMNS).some(Boolean))
          throw new AppError(
            'payload_too_large',
            `Line ${lines} has a value beyond column ${MAX_IMPORT_COLUMNS}; at most ${MAX_IMPORT_COLUMNS} columns can be imported`,
          );
        return record.length > MAX_IMPORT_COLUMNS ? record.slice(0, MAX_IMPORT_COLUMNS) : record;
      },
    }) as string[][];
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'unprocessable',
      `The CSV file could not be read: ${(err as Error).message}`,
    );
  }
  return { records, encoding, delimiter };
}
