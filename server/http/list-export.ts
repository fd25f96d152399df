// The one way a list becomes a file (issue 16): every page of the list's own service, read with
// the same filters the list endpoint takes, up to the row cap; then a table → CSV or XLSX bytes
// (lib/tabular/write-table.ts, which neutralises formula-like text) → an attachment.
// Reading page by page through the service keeps the rows, their order, the organisation scope
// and the role check exactly those of the list; between pages the event loop serves others.
import type { FastifyReply } from 'fastify';
import type { ExportOptions } from '../../shared/api/list-export.ts';
import {
  attachment,
  CONTENT_TYPES,
  writeCsv,
  writeXlsx,
  type Table,
} from '../lib/tabular/write-table.ts';
import { AppError } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null | undefined;
}

/** The largest page the list endpoints give; an export reads pages of this size. */
export const EXPORT_PAGE_SIZE = 200;

export const tooManyRows = (maxRows: number) =>
  new AppError(
    'too_many_rows',
    `The export would hold more than ${maxRows} rows; narrow the filters and export in parts`,
    { invalidParams: [{ name: 'query', reason: `more than ${maxRows} rows` }] },
  );

/**
 * Every row of a paged list, in the list's order. More than `maxRows` rows → 422 too_many_rows,
 * found as soon as row maxRows + 1 is read (the rest is never read).
 */
export async function readAllPages<T>(
  readPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxRows: number,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    rows.push(...page.items);
    if (rows.length > maxRows) throw tooManyRows(maxRows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** The table as the asked format, sent as an attachment named `<baseName>.<format>`. */
export async function sendTable(
  reply: FastifyReply,
  table: Table,
  q: ExportOptions,
  baseName: string,
) {
  const bytes = q.format === 'csv' ? writeCsv(table, q.lang) : await writeXlsx(table);
  return reply
    .type(CONTENT_TYPES[q.format])
    .header('content-disposition', attachment(baseName, q.format))
    .header('cache-control', 'no-store')
    .send(bytes);
}
