// How the operational layer's values read: shares as percents, times in hours and minutes,
// KPIs with their own unit. Pure.
import type { MetricValueOut } from '../../api/scorecard.ts';

type T = (key: string, vars?: Record<string, unknown>) => string;

const SHARES = new Set([
  'cases.reopen_rate',
  'cases.sla_breach_share',
  'calls.answered_share',
  'calls.missed_share',
  'calls.callback_within_target_share',
]);

/** The i18n key of a built-in metric's name (i18next keys cannot hold dots). */
export const metricLabelKey = (metric: string) => `scorecard.metrics.${metric.replace(/\./g, '_')}`;

export function formatMetric(metric: string, value: number | null, t: T, unit?: string | null) {
  if (value === null) return '—';
  if (SHARES.has(metric)) return `${Math.round(value * 1000) / 10} %`;
  if (metric === 'cases.ack_minutes' || metric === 'cases.resolve_minutes') {
    const total = Math.round(value);
    const h = Math.floor(total / 60);
    const m = total % 60;
    return h ? t('scorecard.hoursMinutes', { h, m }) : t('scorecard.minutes', { m });
  }
  if (metric === 'calls.avg_wait_seconds') return t('scorecard.seconds', { s: Math.round(value) });
  const n = Math.round(value * 100) / 100;
  return unit ? `${n} ${unit}` : String(n);
}

export const STATUS_COLOURS: Record<NonNullable<MetricValueOut['status']>, string> = {
  green: 'green',
  amber: 'yellow',
  red: 'red',
};
