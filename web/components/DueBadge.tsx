// A case's due time relative to now ("через 2 ч", "просрочено на 3 ч"), coloured by SLA risk.
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Less than this left: the case is at risk (orange) rather than comfortable (green). */
const AT_RISK = 4 * HOUR;

export function formatDuration(ms: number, t: TFunction): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return t('cases.due.minutes', { count: Math.max(1, Math.round(abs / MINUTE)) });
  if (abs < 48 * HOUR) return t('cases.due.hours', { count: Math.round(abs / HOUR) });
  return t('cases.due.days', { count: Math.round(abs / (24 * HOUR)) });
}

export type Risk = 'breached' | 'atRisk' | 'onTrack' | 'none';

export function riskOf(dueAt: string | null, breachedAt: string | null, now = Date.now()): Risk {
  if (breachedAt) return 'breached';
  if (!dueAt) return 'none';
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'breached';
  return left < AT_RISK ? 'atRisk' : 'onTrack';
}

export const RISK_COLOR: Record<Risk, string> = {
  breached: 'red',
  atRisk: 'orange',
  onTrack: 'teal',
  none: 'gray',
};

export function DueBadge({
  dueAt,
  breachedAt,
  done = false,
}: {
  dueAt: string | null;
  breachedAt: string | null;
  done?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (done) return null;
  if (!dueAt)
    return (
      <Badge color="gray" variant="light">
        {t('cases.due.none')}
      </Badge>
    );
  const left = Date.parse(dueAt) - Date.now();
  const risk = riskOf(dueAt, breachedAt);
  const label =
    left < 0
      ? t('cases.due.overdue', { duration: formatDuration(left, t) })
      : t('cases.due.in', { duration: formatDuration(left, t) });
  return (
    <Badge
      color={RISK_COLOR[risk]}
      variant={risk === 'breached' ? 'filled' : 'light'}
      title={formatDateTime(dueAt, i18n.language)}
      data-testid="due-badge"
      data-risk={risk}
      style={{ textTransform: 'none', flexShrink: 0 }}
    >
      {label}
    </Badge>
  );
}
