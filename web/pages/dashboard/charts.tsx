// The dashboard's charts: a metric by month (value as a line, responses as bars on a second
// axis) and a metric by a dimension (horizontal bars, long stage names stay readable on phones).
import { Card, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SatisfactionMetric, SatisfactionOut } from '../../api/metrics.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { useStageLabel } from '../../components/useStageLabel.ts';

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** YYYY-MM `back` months before `key`. */
function monthBefore(key: string, back: number): string {
  const m = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 - back;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** The previous period's value of each month, aligned to the month as many months later. */
function previousValues(data: SatisfactionOut): (number | null)[] | null {
  const back = data.previous?.monthsBack;
  if (!data.previous || back == null) return null;
  const byKey = new Map(data.previous.groups.map((g) => [g.key, g.value]));
  return data.groups.map((g) => round(byKey.get(monthBefore(g.key, back)) ?? null));
}

export function MonthChart({
  data,
  metric,
  onPick,
}: {
  data: SatisfactionOut;
  metric: SatisfactionMetric;
  /** A month's bar or point was clicked: its group key (YYYY-MM). */
  onPick?: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const before = previousValues(data);
    const month = new Intl.DateTimeFormat(i18n.language, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.groups.map((g) => month.format(new Date(`${g.key}-01T00:00:00Z`))),
      },
      yAxis: [
        {
          type: 'value',
          name: t(`dashboard.metrics.${metric}`),
          ...(metric === 'nps' ? { min: -100, max: 100 } : {}),
        },
        {
          type: 'value',
          name: t('dashboard.responses'),
          splitLine: { show: false },
          minInterval: 1,
        },
      ],
      series: [
        {
          name: t('dashboard.responses'),
          type: 'bar',
          yAxisIndex: 1,
          data: data.groups.map((g) => g.responses),
          itemStyle: { color: '#c5cae9' },
        },
        {
          name: t(`dashboard.metrics.${metric}`),
          type: 'line',
          connectNulls: true,
          data: data.groups.map((g) => round(g.value)),
          itemStyle: { color: '#3f51b5' },
        },
        // The previous period, month for month (a month of it beside the month as many later).
        ...(before
          ? [
              {
                name: t('dashboard.compare.previousSeries'),
                type: 'line' as const,
                connectNulls: true,
                data: before,
                itemStyle: { color: '#9e9e9e' },
                lineStyle: { type: 'dashed' as const },
              },
            ]
          : []),
      ],
    };
  }, [data, metric, t, i18n.language]);
  return (
    <ChartCard
      title={t('dashboard.byMonth', { metric: t(`dashboard.metrics.${metric}`) })}
      option={option}
      testId="chart-month"
      height={300}
      onClick={onPick && ((i) => data.groups[i] && onPick(data.groups[i].key))}
    />
  );
}

export function DimensionChart({
  data,
  metric,
  dimension,
  onPick,
}: {
  data: SatisfactionOut;
  metric: SatisfactionMetric;
  dimension: 'stage' | 'channel' | 'segment';
  /** A bar was clicked: its group key ("none" when not set). */
  onPick?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const groups = useMemo(() => data.groups.filter((g) => g.responses > 0), [data]);
  // Stages by their names (the key is what the records store), as the Stages page names them.
  const stageLabel = useStageLabel();
  const stageNames = groups.map((g) => (dimension === 'stage' ? stageLabel(g.key) : g.key));
  const namesKey = stageNames.join('\n');
  const option = useMemo<ChartOption>(() => {
    const label = (key: string, i: number) =>
      key === 'none'
        ? t('dashboard.notSet')
        : dimension === 'channel'
          ? t(`feedback.channels.${key}`, { defaultValue: key })
          : stageNames[i]!;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', ...(metric === 'nps' ? { min: -100, max: 100 } : {}) },
      yAxis: {
        type: 'category',
        data: groups.map((g, i) => label(g.key, i)),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          name: t(`dashboard.metrics.${metric}`),
          type: 'bar',
          data: groups.map((g) => round(g.value)),
          itemStyle: { color: '#5c6bc0' },
          label: { show: true, position: 'right' },
        },
      ],
    };
    // stageNames is read through namesKey (a new array every render).
  }, [groups, metric, t, dimension, namesKey]);
  if (groups.length === 0) {
    return (
      <Card withBorder radius="md" padding="sm">
        <Text fw={600} size="sm">
          {t('dashboard.byDimension', {
            metric: t(`dashboard.metrics.${metric}`),
            dimension: t(`dashboard.dimensions.${dimension}`),
          })}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('dashboard.noData')}
        </Text>
      </Card>
    );
  }
  return (
    <ChartCard
      title={t('dashboard.byDimension', {
        metric: t(`dashboard.metrics.${metric}`),
        dimension: t(`dashboard.dimensions.${dimension}`),
      })}
      option={option}
      testId={`chart-${dimension}`}
      height={Math.max(160, groups.length * 36 + 40)}
      onClick={onPick && ((i) => groups[i] && onPick(groups[i].key))}
    />
  );
}
