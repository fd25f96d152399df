// GET /api/v1/cases/export (issue 16): the case list, every page of it with the list's filters,
// as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { CaseOut } from '../../../shared/api/cases.ts';
import { casesExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { presentCase } from './cases.routes.ts';
import * as cases from './cases.service.ts';
import { codeName, codeNamesByKey } from './resolution-codes.ts';

/** A case as exported: the resolution code in the file's language (never its key). */
type ExportedCase = CaseOut & { resolutionCodeName: string | null };

export const CASE_COLUMNS: readonly ExportColumn<ExportedCase>[] = [
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
  { key: 'resolutionCode', type: 'text', value: (c) => c.resolutionCodeName },
  { key: 'tags', type: 'text', value: (c) => c.tags.join(', ') },
  { key: 'id', type: 'text', value: (c) => c.id },
];

export function registerCasesExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/cases/export',
    tag: 'cases',
    summary: 'The case list (filters as GET /api/v1/cases) as one CSV or XLSX file',
    querystring: casesExportQuery,
    list: 'cases',
    columns: CASE_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await cases.listCases(ctx, { ...q, open: q.open === 'true', cursor, limit });
      const codes = await codeNamesByKey(ctx);
      const nameOf = (key: string | null) => {
        const code = key ? codes.get(key) : undefined;
        return code ? codeName(code, q.lang) : null;
      };
      return {
        items: page.items.map((c) => ({
          ...presentCase(c, deps.config),
          resolutionCodeName: nameOf(c.resolution_code),
        })),
        nextCursor: page.nextCursor,
      };
    },
  });
}
