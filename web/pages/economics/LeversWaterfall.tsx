// Revenue A → +N → +Q → +APPN → revenue B as a waterfall: each lever's LMDI contribution is a
// floating bar (green up, red down) on an invisible base; the ends are whole bars.
import { Alert, Card, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeversOut } from '../../api/economics.ts';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { compactMoney, money, signed } from './format.ts';

const LEVERS = ['payingClients', 'q', 'appn'] as const;

export interface WaterfallStep {
  label: string;
  base: number;
  up: number;
  down: number;
  total: number;
}

/** The bars of the waterfall: the ends are totals, each lever floats from the running sum. */
export function waterfallSteps(
  levers: LeversOut,
  labels: { a: string; b: string; levers: Record<(typeof LEVERS)[number], string> },
): WaterfallStep[] {
  const c = levers.contributions!;
  const steps: WaterfallStep[] = [
    { label: labels.a, base: 0, up: 0, down: 0, total: levers.a.revenue },
  ];
  let running = levers.a.revenue;
  for (const lever of LEVERS) {
    const delta = c[lever];
    const next = Math.round((running + delta) * 100) / 100; // to the kopeck, as the API sums
    steps.push({
      label: labels.levers[lever],
      base: Math.min(running, next),
      up: delta > 0 ? delta : 0,
      down: delta < 0 ? -delta : 0,
      total: 0,
    });
    running = next;
  }
  steps.push({ label: labels.b, base: 0, up: 0, down: 0, total: levers.b.revenue });
  return steps;
}

export function LeversWaterfall({
  levers,
  aLabel,
  bLabel,
  appnLabel,
}: {
  levers: LeversOut;
  aLabel: string;
  bLabel: string;
  appnLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const title = t('economics.formula.waterfall');
  const option = useMemo<ChartOption | null>(() => {
    if (!levers.contributions) return null;
    const steps = waterfallSteps(levers, {
      a: t('economics.formula.revenueOf', { window: aLabel }),
      b: t('economics.formula.revenueOf', { window: bLabel }),
      levers: {
        payingClients: t('economics.figures.payingClients'),
        q: t('economics.figures.q'),
        appn: appnLabel,
      },
    });
    const contribution = [null, ...LEVERS.map((l) => levers.contributions![l]), null];
    const bar = (name: string, key: 'base' | 'up' | 'down' | 'total', color: string) => ({
      name,
      type: 'bar',
      stack: 'all',
      data: steps.map((s) => (s[key] === 0 ? null : s[key])),
      itemStyle: { color },
      ...(key === 'base' ? { emphasis: { disabled: true }, tooltip: { show: false } } : {}),
    });
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: Array<{ dataIndex: number }>) => {
          const i = params[0]?.dataIndex ?? 0;
          const step = steps[i]!;
          const value = contribution[i];
          return `${step.label}: ${
            value === null || value === undefined
              ? money(step.total, lng)
              : signed(money(value, lng), value)
          }`;
        },
      },
      grid: { left: 8, right: 8, top: 16, bottom: 16, containLabel: true },
      xAxis: {
        type: 'category',
        data: steps.map((s) => s.label),
        axisLabel: { interval: 0, width: 80, overflow: 'break', lineHeight: 14, margin: 12 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => compactMoney(v, lng) },
      },
      series: [
        bar('base', 'base', 'transparent'),
        bar(t('economics.formula.total'), 'total', '#5c6bc0'),
        bar(t('economics.formula.up'), 'up', '#2f9e44'),
        bar(t('economics.formula.down'), 'down', '#e03131'),
      ],
    };
  }, [levers, aLabel, bLabel, appnLabel, t, lng]);

  if (!option) {
    return (
      <Card withBorder radius="md" padding="sm" data-testid="waterfall-unavailable">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Alert color="gray" variant="light" mt="xs">
          {t('economics.formula.noSplit', { reason: reasonWords(levers.reason, t) })}
        </Alert>
      </Card>
    );
  }
  return <ChartCard title={title} option={option} testId="levers-waterfall" height={320} />;
}

/**
 * The server's reason ("payingClients is 0 in window A: …") told in the reader's words by the
 * factor and the window it names.
 */
export function reasonWords(reason: string | null, t: TFunction): string {
  const m = /^(payingClients|q|appn|marginRate) is \S+ in window (A|B)/.exec(reason ?? '');
  if (!m) return t('economics.reasons.other');
  return t(`economics.reasons.${m[1]}`, { window: m[2] });
}
