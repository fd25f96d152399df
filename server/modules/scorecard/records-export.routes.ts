// GET /api/v1/scorecard/records/export (issue 16): the rows behind one scorecard number (the
// drill-down list, GET /api/v1/scorecard/records), every page, as CSV or XLSX
// (server/http/list-export.ts). eNPS rows stay score counts: no individual answer is listed.
import type { FastifyInstance } from 'fastify';
import { drillExportQuery } from '../../../shared/api/list-export.ts';
import type { DrillRowOut } from '../../../shared/api/scorecard-layers.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { getScorecardRecords } from './drill.service.ts';

/** The drill-down's largest page. */

export const RECORD_COLUMNS: readonly ExportColumn<DrillRowOut>[] = [
  { key: 'at', type: 'datetime', value: (r) => r.at },
  { key: 'ref', type: 'text', value: (r) => r.ref },
  { key: 'clientName', type: 'text', value: (r) => r.clientName },
  { key: 'value', type: 'number', value: (r) => r.value },
  { key: 'label', type: 'text', value: (r) => r.label },
  { key: 'text', type: 'text', value: (r) => r.text },
  { key: 'count', type: 'integer', value: (r) => r.count },
  { key: 'clientId', type: 'text', value: (r) => r.clientId },
  { key: 'id', type: 'text', value: (r) => r.id },
];

export function registerRecordsExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/scorecard/records/export',
    tag: 'scorecard',
    summary:
      'The rows behind one scorecard number (query as GET /api/v1/scorecard/records) as ' +
      'one CSV or XLSX file (analyst and up)',
    querystring: drillExportQuery,
    list: 'records',
    columns: RECORD_COLUMNS,
    readPage: (ctx, q, cursor, limit) => getScorecardRecords(ctx, { ...q, cursor, limit }),
    fileName: (q) => `records-${q.metric}-${q.period}`,
  });
}
