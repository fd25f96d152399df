// How the layered scorecard's values read: by the metric's unit (money in the organisation's
// currency, shares as percents, minutes as hours and minutes, KPIs with their own unit label),
// the change against the period before coloured by the better direction, and metric names in the
// reader's language. Pure.
import type { TFunction } from 'i18next';
import type { LayerMetricOut, MetricUnit } from '../../api/scorecard-layers.ts';
import { money, num } from '../economics/format.ts';
import { metricLabelKey } from './format.ts';
import { formatPeriod } from '../../format.ts';

const DASH = '—';

type Unit = MetricUnit | null;
type Shown = Pick<LayerMetricOut, 'metric' | 'unit' | 'unitLabel'>;

function minutes(value: number, t: TFunction): string {
  const total = Math.round(Math.abs(value));
  const sign = value < 0 ? '−' : '';
  const h = Math.floor(total / 60);
  const m = total % 60;
  return sign + (h ? t('scorecard.hoursMinutes', { h, m }) : t('scorecard.minutes', { m }));
}

/** A value in its unit: "42,5", "82,5 %", "1 234 ₽", "2 ч 5 мин", "95 %" (a KPI's own label). */
export function formatValue(
  m: Shown,
  value: number | null | undefined,
  t: TFunction,
  lng: string,
): string {
  if (value === null || value === undefined) return DASH;
  switch (m.unit) {
    case 'points':
      return num(value, lng, 1);
    case 'percent':
      return `${num(value, lng, 1)} %`;
    case 'share':
      return `${num(value * 100, lng, 1)} %`;
    case 'money':
      return money(value, lng, Number.isInteger(value) ? 0 : 2);
    case 'minutes':
      return minutes(value, t);
    case 'seconds':
      return t('scorecard.seconds', { s: num(value, lng, 0) });
    case 'count':
      return num(value, lng, 0);
    case 'score':
      return num(value, lng, 2);
    default:
      return m.unitLabel ? `${num(value, lng, 2)} ${m.unitLabel}` : num(value, lng, 2);
  }
}

export type ChangeTone = 'better' | 'worse' | 'same';
export interface Change {
  /** ▲ up, ▼ down, = unchanged. */
  arrow: '▲' | '▼' | '=';
  /** The difference in the metric's unit; shares and percents in percentage points. */
  text: string;
  tone: ChangeTone;
}

/** value − previous, or null when either is missing. */
export function changeOf(
  m: Shown & Pick<LayerMetricOut, 'value' | 'previous' | 'direction'>,
  t: TFunction,
  lng: string,
): Change | null {
  if (m.value === null || m.previous === null) return null;
  const raw = m.value - m.previous;
  // Rounded the way the value is shown, so "▲ 0" never appears for a float's dust.
  const delta = Math.round(raw * 10_000) / 10_000;
  if (delta === 0) return { arrow: '=', text: '0', tone: 'same' };
  const up = delta > 0;
  const tone: ChangeTone = up === (m.direction === 'up') ? 'better' : 'worse';
  const size = Math.abs(delta);
  let text: string;
  if (m.unit === 'share') text = t('scorecard.layers.pp', { value: num(size * 100, lng, 1) });
  else if (m.unit === 'percent') text = t('scorecard.layers.pp', { value: num(size, lng, 1) });
  else text = formatValue(m, size, t, lng);
  return { arrow: up ? '▲' : '▼', text, tone };
}

/** "≥ 20", "≤ 4 ч 0 мин" — the target with the side that is good. */
export function formatTarget(
  m: Shown & Pick<LayerMetricOut, 'target' | 'direction'>,
  t: TFunction,
  lng: string,
): string | null {
  if (m.target === null) return null;
  return `${m.direction === 'up' ? '≥' : '≤'} ${formatValue(m, m.target, t, lng)}`;
}

/** Built-in metrics by their key; KPIs (kpi:<key>) by their own name in the reader's language. */
export function metricName(
  m: Pick<LayerMetricOut, 'metric' | 'name' | 'nameEn'>,
  t: TFunction,
  lng: string,
): string {
  if (m.name !== null) return lng.startsWith('en') ? (m.nameEn ?? m.name) : m.name;
  return t(metricLabelKey(m.metric), { defaultValue: m.metric });
}

/** A period label of the API (2026-03, 2026-Q1) in the reader's language. */
export function periodName(label: string, t: TFunction, lng: string): string {
  return formatPeriod(label, lng, t);
}

/** The traffic light's colour: null status (no value or no target) is grey. */
export const LIGHT_COLOURS = { green: 'green', amber: 'yellow', red: 'red', none: 'gray' } as const;
export const lightOf = (status: LayerMetricOut['status']) => status ?? 'none';

/** A metric says nothing in the window: no value in any period and no target to miss. */
export const isEmptyMetric = (m: LayerMetricOut) =>
  m.target === null && m.value === null && m.series.every((p) => p.value === null);
