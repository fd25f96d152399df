// Revenue (bars) and margin (line) by period — of the organisation (summary series) or of one
// client (its economics series).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodUnit } from '../../api/economics.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { compactMoney, money } from './format.ts';
import { periodLabel, seriesStart } from './periods.ts';

export interface SeriesPoint {
  period: string;
  revenue: number;
  margin: number;
}

export function SeriesChart({
  series,
  unit,
  title,
  testId,
}: {
  series: readonly SeriesPoint[];
  unit: PeriodUnit;
  title: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => money(v, lng),
      },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: series.map((p) => periodLabel(seriesStart(p.period), unit, t, lng, true)),
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactMoney(v, lng) } },
      series: [
        {
          name: t('economics.figures.revenue'),
          type: 'bar',
          data: series.map((p) => p.revenue),
          itemStyle: { color: '#91a7ff' },
        },
        {
          name: t('economics.figures.margin'),
          type: 'line',
          data: series.map((p) => p.margin),
          itemStyle: { color: '#2f9e44' },
        },
      ],
    }),
    [series, unit, t, lng],
  );
  return <ChartCard title={title} option={option} testId={testId} height={280} />;
}
