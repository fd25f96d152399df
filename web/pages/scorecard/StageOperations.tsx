// The operational layer of one stage: months or quarters, one period at a time (the latest
// first), its case, phone and KPI values coloured by status against their targets.
import { NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format.ts';
import { getOperationsScorecard, type ScorecardPeriod } from '../../api/scorecard.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { MetricTile } from './MetricTile.tsx';

export function StageOperations({ stageKey }: { stageKey: string }) {
  const { t, i18n } = useTranslation();
  const [unit, setUnit] = useState<ScorecardPeriod>('month');
  const [chosen, setChosen] = useState<string | null>(null);
  const data = useQuery({
    queryKey: ['scorecard', 'operations', stageKey, unit],
    queryFn: () => getOperationsScorecard({ stage: stageKey, period: unit }),
  });
  const periods = data.data?.stages[0]?.periods ?? [];
  const period = periods.find((p) => p.period === chosen) ?? periods.at(-1);
  const grid = { base: 2, xs: 3, md: 5 };
  return (
    <Stack gap="xs" data-testid="stage-operations">
      <SegmentedControl
        size="xs"
        value={unit}
        onChange={(v) => {
          setUnit(v as ScorecardPeriod);
          setChosen(null);
        }}
        data={[
          { value: 'month', label: t('scorecard.month') },
          { value: 'quarter', label: t('scorecard.quarter') },
        ]}
      />
      {periods.length > 0 && (
        <NativeSelect
          name="period"
          label={t('scorecard.period')}
          value={period?.period}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={[...periods]
            .reverse()
            .map((p) => ({ value: p.period, label: formatPeriod(p.period, i18n.language, t) }))}
        />
      )}
      <ErrorAlert error={data.error} />
      {period && (
        <>
          <Title order={3} size="h5">
            {t('scorecard.cases')}
          </Title>
          <SimpleGrid cols={grid} spacing="xs">
            {period.cases.map((v) => (
              <MetricTile key={v.metric} value={v} />
            ))}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('scorecard.calls')}
          </Title>
          <SimpleGrid cols={grid} spacing="xs">
            {period.calls.map((v) => (
              <MetricTile key={v.metric} value={v} />
            ))}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('scorecard.kpis')}
          </Title>
          {period.kpis.length === 0 && <Text c="dimmed">{t('scorecard.noKpis')}</Text>}
          <SimpleGrid cols={grid} spacing="xs" data-testid="stage-kpis">
            {period.kpis.map((v) => (
              <MetricTile key={v.metric} value={v} name={v.name} unit={v.unit} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
