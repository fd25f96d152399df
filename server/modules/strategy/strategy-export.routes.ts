// GET /api/v1/strategy/kpis/export: every KPI of the map with its current value, as CSV or XLSX
// (server/http/list-export.ts). One page: the map is read whole.
import type { FastifyInstance } from 'fastify';
import { strategyKpisExportQuery } from '../../../shared/api/list-export.ts';
import type { KpiOut, MapGoalOut } from '../../../shared/api/strategy.ts';
import type { Deps } from '../../deps.ts';
import { registerListExport, type ExportColumn } from '../../http/list-export.ts';
import { getStrategyMap } from './map.service.ts';

type Row = { goal: MapGoalOut; kpi: KpiOut };

export const STRATEGY_COLUMNS: readonly ExportColumn<Row>[] = [
  { key: 'perspective', type: 'text', value: (r) => r.goal.perspective },
  { key: 'goal', type: 'text', value: (r) => r.goal.title },
  { key: 'kpi', type: 'text', value: (r) => r.kpi.name },
  { key: 'unit', type: 'text', value: (r) => r.kpi.unit },
  { key: 'source', type: 'text', value: (r) => r.kpi.source },
  { key: 'metric', type: 'text', value: (r) => r.kpi.binding?.metric ?? null },
  {
    key: 'window',
    type: 'text',
    value: (r) => r.kpi.current.window?.label ?? r.kpi.current.onDate,
  },
  { key: 'value', type: 'number', value: (r) => r.kpi.current.value },
  { key: 'target', type: 'number', value: (r) => r.kpi.target },
  { key: 'direction', type: 'text', value: (r) => r.kpi.direction },
  { key: 'status', type: 'text', value: (r) => r.kpi.status },
  { key: 'dueDate', type: 'date', value: (r) => r.kpi.dueDate },
];

export function registerStrategyExport(app: FastifyInstance, deps: Deps): void {
  registerListExport(app, deps, {
    url: '/api/v1/strategy/kpis/export',
    tag: 'strategy',
    summary: "The strategy map's KPIs with their current values as one CSV or XLSX file",
    querystring: strategyKpisExportQuery,
    list: 'strategy',
    fileName: () => 'strategy-kpis',
    columns: STRATEGY_COLUMNS,
    readPage: async (ctx) => {
      const map = await getStrategyMap(ctx);
      return {
        items: map.goals.flatMap((goal) => goal.kpis.map((kpi) => ({ goal, kpi }))),
        nextCursor: null,
      };
    },
  });
}
