// GET /api/v1/cases/export (issue 16): the case list, every page of it with the list's filters,
// as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CaseOut } from '../../../shared/api/cases.ts';
import { casesExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import {
  EXPORT_DESCRIPTION,
  exportRouteConfig,
  EXPORT_PAGE_SIZE,
  exportName,
  listTable,
  readAllPages,
  sendTable,
  type ExportColumn,
} from '../../http/list-export.ts';
import { presentCase } from './cases.routes.ts';
import * as cases from './cases.service.ts';

export const CASE_COLUMNS: readonly ExportColumn<CaseOut>[] = [
  { key: 'publicRef', type: 'text', value: (c) => c.publicRef },
  { key: 'title', type: 'text', value: (c) => c.title },
  { key: 'type', type: 'text', value: (c) => c.type },
  { key: 'priority', type: 'text', value: (c) => c.priority },
  { key: 'status', type: 'text', value: (c) => c.status },
  { key: 'stage', type: 'text', value: (c) => c.stage },
  { key: 'clientId', type: 'text', value: (c) => c.clientId },
  { key: 'ownerId', type: 'text', value: (c) => c.ownerId },
  { key: 'createdAt', type: 'datetime', value: (c) => c.createdAt },
  { key: 'dueAt', type: 'datetime', value: (c) => c.dueAt },
  { key: 'firstRespondedAt', type: 'datetime', value: (c) => c.firstRespondedAt },
  { key: 'resolvedAt', type: 'datetime', value: (c) => c.resolvedAt },
  { key: 'breachedAt', type: 'datetime', value: (c) => c.breachedAt },
  { key: 'resolution', type: 'text', value: (c) => c.resolution },
  { key: 'id', type: 'text', value: (c) => c.id },
];

export function registerCasesExport(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cases/export',
    {
      config: exportRouteConfig(deps),
      schema: {
        tags: ['cases'],
        summary: 'The case list (filters as GET /api/v1/cases) as one CSV or XLSX file',
        description: EXPORT_DESCRIPTION,
        querystring: casesExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      const ctx = ctxOf(deps, req);
      const rows = await readAllPages(
        (cursor) =>
          cases.listCases(ctx, {
            ...q,
            open: q.open === 'true',
            cursor,
            limit: EXPORT_PAGE_SIZE,
          }),
        deps.config.exports.maxRows,
      );
      const out = rows.map((c) => presentCase(c, deps.config));
      const table = listTable(q.lang, 'cases', CASE_COLUMNS, out);
      return sendTable(reply, table, q, exportName('cases', ctx.clock.now()));
    },
  );
}
