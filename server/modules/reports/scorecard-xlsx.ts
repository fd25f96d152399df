// The layered scorecard as an XLSX workbook: one sheet per layer; a row per stage and metric with
// value, previous, target, status and n, then one column per period of the window (the series).
// Numbers are numbers (a share as a fraction formatted as %, money with 2 decimals); text is
// written by write-table, which never lets a name starting with = + - @ become a formula.
import {
  SCORECARD_LAYERS,
  type LayerMetricOut,
  type ScorecardOut,
} from '../../../shared/api/scorecard-layers.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { t } from '../../i18n/catalogue.ts';
import {
  writeXlsxBook,
  type Cell,
  type Table,
  type TypedNumber,
} from '../../lib/tabular/write-table.ts';
import { metricName, stageName } from '../../i18n/metric-names.ts';
import type { ReportOptions } from './pdf-doc.ts';

/** How a metric's numbers are typed in the sheet, by its unit. */
export function cellType(unit: LayerMetricOut['unit']): TypedNumber['type'] {
  switch (unit) {
    case 'money':
      return 'money';
    case 'share':
      return 'percent';
    case 'count':
      return 'integer';
    default:
      return 'decimal';
  }
}

function statusWord(status: LayerMetricOut['status'], lang: Language): string | null {
  return status ? t(lang, `reports.status.${status}`) : null;
}

function metricRow(stage: string, m: LayerMetricOut, periods: readonly string[], lang: Language) {
  const type = cellType(m.unit);
  const typed = (value: number | null): TypedNumber => ({ value, type });
  const byPeriod = new Map(m.series.map((p) => [p.period, p.value]));
  const row: Cell[] = [
    stage,
    metricName(m, lang),
    typed(m.value),
    typed(m.previous),
    typed(m.target),
    statusWord(m.status, lang),
    m.n,
    ...periods.map((period) => typed(byPeriod.get(period) ?? null)),
  ];
  return row;
}

export function scorecardTables(data: ScorecardOut, lang: Language): Table[] {
  const columns = [
    { header: t(lang, 'reports.columns.stage'), type: 'text' as const },
    { header: t(lang, 'reports.columns.metric'), type: 'text' as const },
    { header: t(lang, 'reports.columns.value'), type: 'decimal' as const },
    { header: t(lang, 'reports.columns.previous'), type: 'decimal' as const },
    { header: t(lang, 'reports.columns.target'), type: 'decimal' as const },
    { header: t(lang, 'reports.columns.status'), type: 'text' as const },
    { header: t(lang, 'reports.columns.n'), type: 'integer' as const },
    ...data.periods.map((period) => ({ header: period, type: 'decimal' as const })),
  ];
  return SCORECARD_LAYERS.map((layer) => ({
    name: t(lang, `reports.layers.${layer}`),
    columns,
    rows: data.stages.flatMap((stage) =>
      stage.layers[layer].map((m) => metricRow(stageName(stage, lang), m, data.periods, lang)),
    ),
  }));
}

export function renderScorecardXlsx(data: ScorecardOut, opts: ReportOptions): Promise<Buffer> {
  return writeXlsxBook(scorecardTables(data, opts.lang));
}
