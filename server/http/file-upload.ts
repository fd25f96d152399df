// Raw file bodies for every file import (feedback, call logs): which content types are files,
// CSV or XLSX from the declared type, the name and the bytes (ZIP bytes are a workbook), and a
// safe file name.
import { AppError } from './errors.ts';
import { looksLikeZip } from '../lib/tabular/read-xlsx.ts';

export const CSV_TYPES = ['text/csv', 'application/csv', 'text/tab-separated-values'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const FILE_TYPES = [...CSV_TYPES, XLSX_TYPE, 'application/octet-stream'];

export function fileKindOf(
  contentType: string | undefined,
  filename: string | undefined,
  bytes: Buffer,
): 'csv' | 'xlsx' {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (looksLikeZip(bytes)) return 'xlsx';
  if (CSV_TYPES.includes(mime)) return 'csv';
  if (mime === XLSX_TYPE) return 'xlsx';
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  throw new AppError(
    'unsupported_media_type',
    'Send a CSV or XLSX file (text/csv or the XLSX type), or name it .csv or .xlsx with application/octet-stream',
  );
}

/** The file's own name without any path or control characters. */
export function cleanFilename(
  name: string | undefined,
  kind: 'csv' | 'xlsx',
  fallbackBase = 'import',
): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '')
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return base || `${fallbackBase}.${kind}`;
}
