// GET /api/v1/feedback/export (issue 16): the feedback list, every page of it with the list's
// filters, as CSV or XLSX (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { FeedbackOut } from '../../../shared/api/feedback.ts';
import { feedbackExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
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
  registerListExport(app, deps, {
    url: '/api/v1/feedback/export',
    tag: 'feedback',
    summary: 'The feedback list (filters as GET /api/v1/feedback) as one CSV or XLSX file',
    querystring: feedbackExportQuery,
    list: 'feedback',
    columns: FEEDBACK_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await feedback.listFeedback(ctx, { ...q, cursor, limit });
      return {
        items: page.items.map((f) => presentFeedback(f, deps.config)),
        nextCursor: page.nextCursor,
      };
    },
  });
}
