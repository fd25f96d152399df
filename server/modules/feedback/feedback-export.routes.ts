// GET /api/v1/feedback/export (issue 16): the feedback list, every page of it with the list's
// filters, as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeedbackOut } from '../../../shared/api/feedback.ts';
import { feedbackExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
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
import { presentFeedback } from './feedback.routes.ts';
import * as feedback from './feedback.service.ts';

export const FEEDBACK_COLUMNS: readonly ExportColumn<FeedbackOut>[] = [
  { key: 'receivedAt', type: 'datetime', value: (f) => f.receivedAt },
  { key: 'publicRef', type: 'text', value: (f) => f.publicRef },
  { key: 'channel', type: 'text', value: (f) => f.channel },
  { key: 'clientId', type: 'text', value: (f) => f.clientId },
  { key: 'stage', type: 'text', value: (f) => f.stage },
  { key: 'scoreType', type: 'text', value: (f) => f.score?.type ?? null },
  { key: 'score', type: 'integer', value: (f) => f.score?.value ?? null },
  { key: 'text', type: 'text', value: (f) => f.text },
  { key: 'language', type: 'text', value: (f) => f.language },
  { key: 'sentiment', type: 'text', value: (f) => f.sentiment?.label ?? null },
  { key: 'sentimentScore', type: 'number', value: (f) => f.sentiment?.score ?? null },
  { key: 'topics', type: 'text', value: (f) => f.topics.join(', ') || null },
  { key: 'caseId', type: 'text', value: (f) => f.caseId },
  { key: 'acknowledgedAt', type: 'datetime', value: (f) => f.acknowledgedAt },
  { key: 'id', type: 'text', value: (f) => f.id },
];

export function registerFeedbackExport(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/feedback/export',
    {
      config: exportRouteConfig(deps),
      schema: {
        tags: ['feedback'],
        summary: 'The feedback list (filters as GET /api/v1/feedback) as one CSV or XLSX file',
        description: EXPORT_DESCRIPTION,
        querystring: feedbackExportQuery,
      },
    },
    async (req, reply) => {
      const q = req.query;
      if (q.from && q.to && new Date(q.from) >= new Date(q.to)) {
        throw new AppError('validation_failed', 'from must be before to', {
          invalidParams: [{ name: 'query.from', reason: 'must be before to' }],
        });
      }
      const ctx = ctxOf(deps, req);
      const rows = await readAllPages(
        (cursor) => feedback.listFeedback(ctx, { ...q, cursor, limit: EXPORT_PAGE_SIZE }),
        deps.config.exports.maxRows,
      );
      const out = rows.map((f) => presentFeedback(f, deps.config));
      const table = listTable(q.lang, 'feedback', FEEDBACK_COLUMNS, out);
      return sendTable(reply, table, q, exportName('feedback', ctx.clock.now()));
    },
  );
}
