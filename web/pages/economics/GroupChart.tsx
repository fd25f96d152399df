// One figure by NPS group as bars with 95 % error bars (a custom series draws the whiskers), so a
// difference smaller than its interval is not over-read.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SatisfactionGroupOut } from '../../api/economics.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { compactMoney, money, percent } from './format.ts';

export type GroupFigure = 'revenuePerPayingClient' | 'onTimeShare' | 'retention';
export const GROUP_COLORS = {
  promoter: '#2f9e44',
  passive: '#fab005',
  detractor: '#e03131',
  none: '#adb5bd',
} as const;

interface WhiskerApi {
  value: (dim: number) => number;
  coord: (point: [number, number]) => [number, number];
  size: (v: [number, number]) => [number, number];
}

function whiskers(_params: unknown, api: WhiskerApi) {
  const x = api.value(0);
  const low = api.coord([x, api.value(1)]);
  const high = api.coord([x, api.value(2)]);
  const half = api.size([1, 0])[0] * 0.12;
  const style = { stroke: '#343a40', lineWidth: 1.5 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line',
    shape: { x1, y1, x2, y2 },
    style,
  });
  return {
    type: 'group',
    children: [
      line(high[0] - half, high[1], high[0] + half, high[1]),
      line(low[0], low[1], high[0], high[1]),
      line(low[0] - half, low[1], low[0] + half, low[1]),
    ],
  };
}

export function GroupChart({
  groups,
  figure,
}: {
  groups: readonly SatisfactionGroupOut[];
  figure: GroupFigure;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isMoney = figure === 'revenuePerPayingClient';
  const option = useMemo<ChartOption>(() => {
    const show = (v: number | null) => (isMoney ? money(v, lng, 0) : percent(v, lng));
    const interval = (g: SatisfactionGroupOut) => g[`${figure}Interval`];
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const g = groups[params[0]?.dataIndex ?? 0]!;
          const iv = interval(g);
          return `${t(`economics.groups.${g.group}`)}: ${show(g[figure])}${
            iv ? ` [${show(iv[0])}; ${show(iv[1])}]` : ''
          }`;
        },
      },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: groups.map((g) => t(`economics.groups.${g.group}`)),
        // Group names are single long words: tilted, they fit four to a narrow chart.
        axisLabel: { interval: 0, rotate: 30, fontSize: 11 },
      },
      yAxis: {
        type: 'value',
        ...(isMoney ? {} : { min: 0, max: 1 }),
        axisLabel: {
          formatter: (v: number) => (isMoney ? compactMoney(v, lng) : percent(v, lng)),
        },
      },
      series: [
        {
          type: 'bar',
          name: t(`economics.loyalty.figures.${figure}`),
          data: groups.map((g) => ({
            value: g[figure],
            itemStyle: { color: GROUP_COLORS[g.group] },
          })),
        },
        {
          type: 'custom',
          name: t('economics.loyalty.interval'),
          renderItem: whiskers,
          data: groups.flatMap((g, i) => {
            const iv = interval(g);
            return iv ? [[i, iv[0], iv[1]]] : [];
          }),
          z: 10,
          tooltip: { show: false },
        },
      ],
    };
  }, [groups, figure, isMoney, t, lng]);
  return (
    <ChartCard
      title={t(`economics.loyalty.figures.${figure}`)}
      option={option}
      testId={`loyalty-chart-${figure}`}
      height={240}
    />
  );
}
