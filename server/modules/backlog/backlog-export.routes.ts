// GET /api/v1/initiatives/export: the ranked backlog with the list's filters as CSV or XLSX
// (server/http/list-export.ts).
import type { FastifyInstance } from 'fastify';
import type { InitiativeOut } from '../../../shared/api/backlog.ts';
import { initiativesExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { listInitiatives } from './list.ts';
import { presentInitiative } from './present.ts';

export const INITIATIVE_COLUMNS: readonly ExportColumn<InitiativeOut>[] = [
  { key: 'rank', type: 'integer', value: (i) => i.rank },
  { key: 'title', type: 'text', value: (i) => i.title },
  { key: 'status', type: 'text', value: (i) => i.status },
  { key: 'stage', type: 'text', value: (i) => i.stage },
  { key: 'value', type: 'number', value: (i) => i.value },
  { key: 'effort', type: 'integer', value: (i) => i.effort },
  { key: 'quadrant', type: 'text', value: (i) => i.quadrant },
  { key: 'reach', type: 'integer', value: (i) => i.reach },
  { key: 'revenueAtStake', type: 'number', value: (i) => i.revenueAtStake },
  { key: 'dueDate', type: 'text', value: (i) => i.dueDate },
  { key: 'doneAt', type: 'datetime', value: (i) => i.doneAt },
  { key: 'onTime', type: 'text', value: (i) => (i.onTime === null ? null : i.onTime ? '1' : '0') },
  { key: 'feedback', type: 'integer', value: (i) => i.feedbackIds.length },
  { key: 'publicNote', type: 'text', value: (i) => i.publicNote },
  { key: 'id', type: 'text', value: (i) => i.id },
];

export function registerBacklogExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/initiatives/export',
    tag: 'backlog',
    summary: 'The backlog (filters as GET /api/v1/initiatives) as one CSV or XLSX file',
    querystring: initiativesExportQuery,
    list: 'initiatives',
    columns: INITIATIVE_COLUMNS,
    readPage: async (ctx, q, cursor, limit) => {
      const page = await listInitiatives(ctx, { ...q, cursor, limit });
      return { items: page.items.map(presentInitiative), nextCursor: page.nextCursor };
    },
  });
}
