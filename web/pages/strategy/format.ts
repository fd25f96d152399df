// How a strategy KPI's value and target read: a share (0–1) as a percent, money and counts with
// grouping, other figures with at most one decimal; the KPI's own unit after it.
import type { KpiOut } from '../../api/strategy.ts';

export const STATUS_COLORS = {
  green: '#2f9e44',
  amber: '#f08c00',
  red: '#e03131',
  none: '#adb5bd',
} as const;

export function statusColor(status: KpiOut['status']): string {
  return STATUS_COLORS[status ?? 'none'];
}

export function formatFigure(
  value: number | null,
  registryUnit: string | undefined,
  lng: string,
  unit: string | null = null,
  /** Large figures as «2,2 млн» (the map's boxes are narrow). */
  compact = false,
): string {
  if (value === null) return '—';
  const locale = lng.startsWith('ru') ? 'ru-RU' : 'en-GB';
  if (compact && Math.abs(value) >= 100_000) {
    const text = value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 1 });
    return unit ? `${text} ${unit}` : text;
  }
  if (registryUnit === 'share')
    return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 1 })} %`;
  const digits = registryUnit === 'money' ? 0 : 1;
  const text = value.toLocaleString(locale, { maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}
