// The one way a list becomes a file (issue 16): every page of the list's own service, read with
// the same filters the list endpoint takes, up to the row cap; then a table → CSV or XLSX bytes
// (lib/tabular/write-table.ts, which neutralises formula-like text) → an attachment.
// Reading page by page through the service keeps the rows, their order, the organisation scope
// and the role check exactly those of the list; between pages the event loop serves others.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ExportOptions } from '../../shared/api/list-export.ts';
import type { Language } from '../../shared/domain/vocabulary.ts';
import type { Ctx } from '../context.ts';
import type { Deps } from '../deps.ts';
import { t, type TextKey } from '../i18n/catalogue.ts';
import {
  attachment,
  CONTENT_TYPES,
  type Cell,
  type ColumnType,
  type Table,
} from '../lib/tabular/write-table.ts';
import { writeTableFile } from '../lib/tabular/write-off-thread.ts';
import { createHook } from '../lib/hook.ts';
import { ctxOf } from './auth.ts';
import { AppError } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null | undefined;
}

/** The OpenAPI description every list export shares. */
export const EXPORT_DESCRIPTION =
  'Every row the filters match, in the order of the list. CSV: UTF-8 with BOM; lang=ru ";" and ' +
  'a decimal comma (Excel-ru), lang=en "," and a decimal point. XLSX: typed cells (numbers, ' +
  'dates). Text starting with = + - @ tab or CR gets a leading apostrophe (formula injection). ' +
  'Headers in `lang`. More than EXPORT_MAX_ROWS (100 000) rows → 422 too_many_rows.';

/**
 * Route options of every list export: a file reads a whole list, so each organisation may ask
 * for EXPORT_RATE_PER_MINUTE files of one list a minute (counted per organisation, not per
 * address: the people of one office share an address). The authentication hook runs first.
 */
export function exportRouteConfig(deps: Deps) {
  return {
    rateLimit: {
      max: deps.config.exports.perMinute,
      timeWindow: 60_000,
      keyGenerator: (req: FastifyRequest) => req.actor?.orgId ?? req.ip,
    },
  };
}

/** An export reads its list in pages of this size (larger than the lists give: fewer queries). */
export const EXPORT_PAGE_SIZE = 500;

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
  // Large files are written on a worker thread: the event loop keeps serving meanwhile.
  const bytes = await writeTableFile(table, q.format, q.lang);
  return reply
    .type(CONTENT_TYPES[q.format])
    .header('content-disposition', attachment(baseName, q.format))
    .header('cache-control', 'no-store')
    .send(bytes);
}

/** One column of a list export: its header is `listExports.<list>.<key>` in the asked language. */
export interface ExportColumn<T> {
  key: string;
  type: ColumnType;
  value: (row: T) => Cell;
}

export type ExportedList =
  | 'feedback'
  | 'cases'
  | 'clients'
  | 'employees'
  | 'transactions'
  | 'records'
  | 'strategy'
  | 'training'
  | 'initiatives'
  | 'audit';

/**
 * Emitted after every list export is read (issue 19), with the caller's context: the orgs module
 * records it in the audit log. Before the file is sent, so an export that cannot be audited fails.
 */
export const listExported = createHook<Ctx, { list: ExportedList; format: string; rows: number }>(
  'http.list_exported',
);

/** The rows of a list as a table with translated headers. */
export function listTable<T>(
  lang: Language,
  list: ExportedList,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Table {
  const word = (key: string) => t(lang, `listExports.${list}.${key}` as TextKey);
  return {
    name: word('sheet'),
    columns: columns.map((c) => ({ header: word(c.key), type: c.type })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/** `<list>-<YYYY-MM-DD>`: the file's name, dated by the organisation's clock. */
export function exportName(list: string, now: Date): string {
  return `${list}-${now.toISOString().slice(0, 10)}`;
}

/** One list's export route: what a module says; registerListExport does the rest. */
export interface ListExportRoute<Q extends ExportOptions, T> {
  url: string;
  tag: string;
  summary: string;
  querystring: z.ZodType<Q>;
  list: ExportedList;
  columns: readonly ExportColumn<T>[];
  /** One page of the list through its own service, presented as the list shows it. */
  readPage: (ctx: Ctx, q: Q, cursor: string | undefined, limit: number) => Promise<Page<T>>;
  /** The file's name before its date (default: the list's name). */
  fileName?: (q: Q) => string;
}

/** GET <url>: the whole filtered list as one CSV or XLSX file (rate-limited per organisation). */
export function registerListExport<Q extends ExportOptions, T>(
  app: FastifyInstance,
  deps: Deps,
  route: ListExportRoute<Q, T>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    route.url,
    {
      config: exportRouteConfig(deps),
      schema: {
        tags: [route.tag],
        summary: route.summary,
        description: EXPORT_DESCRIPTION,
        querystring: route.querystring,
      },
    },
    async (req, reply) => {
      const q = req.query as Q;
      const ctx = ctxOf(deps, req);
      const rows = await readAllPages(
        (cursor) => route.readPage(ctx, q, cursor, EXPORT_PAGE_SIZE),
        deps.config.exports.maxRows,
      );
      await listExported.emit(ctx, { list: route.list, format: q.format, rows: rows.length });
      const table = listTable(q.lang, route.list, route.columns, rows);
      const name = exportName(route.fileName?.(q) ?? route.list, ctx.clock.now());
      return sendTable(reply, table, q, name);
    },
  );
}
