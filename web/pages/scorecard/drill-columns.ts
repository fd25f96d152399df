// Which columns the rows behind a scorecard number get (docs/scorecard.md "Drill-down"): by the
// rows' kind and, where a value is only a 1/0 the label already says, by the metric. Pure.
import type { DrillKind, MetricUnit } from '../../api/scorecard-layers.ts';

export type Column = 'ref' | 'date' | 'client' | 'value' | 'label' | 'text' | 'count';

const BY_KIND: Record<DrillKind, readonly Column[]> = {
  feedback: ['ref', 'date', 'client', 'value', 'label', 'text'],
  transactions: ['ref', 'date', 'client', 'value', 'label', 'text'],
  cases: ['ref', 'date', 'client', 'value', 'label', 'text'],
  calls: ['date', 'client', 'value', 'label', 'text'],
  kpi_values: ['date', 'value'],
  invites: ['date', 'client', 'label', 'text'],
  clients: ['client', 'date', 'label'],
  // eNPS: a score and how many answers gave it — never an answer of its own.
  enps_counts: ['value', 'count'],
};

/** Metrics whose row value is a number worth a column (elsewhere it is a 1/0 or nothing). */
const MEASURED = new Set(['cases.ack_minutes', 'cases.resolve_minutes', 'calls.avg_wait_seconds']);

export function drillColumns(kind: DrillKind, metric: string): readonly Column[] {
  const columns = BY_KIND[kind];
  if ((kind === 'cases' || kind === 'calls') && !MEASURED.has(metric))
    return columns.filter((c) => c !== 'value');
  return columns;
}

/** The i18n key (under scorecard.drill.columns) of a column's heading for the kind. */
export function columnHeading(kind: DrillKind, column: Column): string {
  if (column === 'value')
    return kind === 'feedback' || kind === 'enps_counts'
      ? 'score'
      : kind === 'transactions'
        ? 'amount'
        : 'value';
  if (column === 'text') return `text_${kind}`;
  if (column === 'date' && kind === 'kpi_values') return 'month';
  if (column === 'date' && kind === 'clients') return 'firstSale';
  return column;
}

/** The value's unit: amounts are money, case times minutes, waiting seconds; scores bare. */
export function drillUnit(kind: DrillKind, metric: string): MetricUnit | null {
  if (kind === 'transactions') return 'money';
  if (metric.endsWith('_minutes')) return 'minutes';
  if (metric.endsWith('_seconds')) return 'seconds';
  return null;
}

/** Where a row leads: feedback and cases have pages of their own. */
export const REF_PAGE: Partial<Record<DrillKind, string>> = {
  feedback: '/feedback',
  cases: '/cases',
};
