// The strongest driver against the target, one point per month, so a reader sees the relation
// the correlation summarises (and an outlier that makes it).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriversOut } from '../../api/scorecard-layers.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { num } from '../economics/format.ts';
import { periodName } from './layer-format.ts';

/** Tooltips are HTML and KPI names are the organisation's own text. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function DriverScatter({
  scatter,
  xName,
  yName,
}: {
  scatter: NonNullable<DriversOut['scatter']>;
  xName: string;
  yName: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const point = scatter.points[p.dataIndex]!;
          return [
            periodName(point.period, t, lng),
            `${escape(xName)}: ${num(point.x, lng)}`,
            `${escape(yName)}: ${num(point.y, lng)}`,
          ].join('<br/>');
        },
      },
      grid: { left: 8, right: 16, top: 28, bottom: 28, containLabel: true },
      xAxis: {
        type: 'value',
        scale: true,
        name: xName,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: (v: number) => num(v, lng) },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: yName,
        axisLabel: { formatter: (v: number) => num(v, lng) },
      },
      series: [
        {
          type: 'scatter',
          symbolSize: 9,
          data: scatter.points.map((p) => [p.x, p.y]),
          itemStyle: { color: '#4263eb' },
        },
      ],
    }),
    [scatter, xName, yName, t, lng],
  );
  return (
    <ChartCard
      title={t('scorecard.drivers.scatterTitle', { driver: xName, target: yName })}
      option={option}
      testId="driver-scatter"
      height={280}
    />
  );
}
