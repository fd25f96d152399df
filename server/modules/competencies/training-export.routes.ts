// GET /api/v1/training-items/export: the training plan (filters as the list) as CSV or XLSX
// (server/http/list-export.ts). Kinds and statuses are written as their codes, like the list.
import type { FastifyInstance } from 'fastify';
import type { TrainingItemOut } from '../../../shared/api/competencies.ts';
import { trainingItemsExportQuery } from '../../../shared/api/list-export.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import * as training from './training.service.ts';

export const TRAINING_COLUMNS: readonly ExportColumn<TrainingItemOut>[] = [
  { key: 'employee', type: 'text', value: (i) => i.employee.name },
  { key: 'competency', type: 'text', value: (i) => i.competency?.nameEn ?? null },
  { key: 'kind', type: 'text', value: (i) => i.kind },
  { key: 'title', type: 'text', value: (i) => i.title },
  { key: 'dueDate', type: 'date', value: (i) => i.dueDate },
  { key: 'status', type: 'text', value: (i) => i.status },
  { key: 'id', type: 'text', value: (i) => i.id },
];

export function registerTrainingExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/training-items/export',
    tag: 'competencies',
    summary: 'The training plan (filters as GET /api/v1/training-items) as one CSV or XLSX file',
    querystring: trainingItemsExportQuery,
    list: 'training',
    columns: TRAINING_COLUMNS,
    fileName: () => 'training-plan',
    readPage: async (ctx, q, cursor, limit) => {
      const page = await training.listTrainingItems(ctx, { ...q, cursor, limit });
      return {
        items: await training.presentTrainingItems(ctx, page.items),
        nextCursor: page.nextCursor,
      };
    },
  });
}
