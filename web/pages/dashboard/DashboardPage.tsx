// Satisfaction for the chosen period and filters (issue 21): NPS / CSAT / CES beside the previous
// period of equal length (with the margin of error, so a small sample is not over-read), then the
// chosen metric by month (the previous period overlaid) and by stage, channel and segment. Every
// chart and every drill-down takes the same filters, all kept in the URL.
import { SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  getSatisfaction,
  METRICS,
  type SatisfactionGroupBy,
  type SatisfactionOut,
} from '../../api/metrics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { navigate, setQueryParams, useQueryParams } from '../../router.tsx';
import { satisfactionDrill } from '../../../shared/domain/satisfaction-drill.ts';
import { DimensionChart, MonthChart } from './charts.tsx';
import { DashboardFilters } from './DashboardFilters.tsx';
import { dashboardQuery, readDashboardParams } from './dashboard-params.ts';
import { HeadlineCards } from './HeadlineCards.tsx';
import { TextTrendsChart } from './TextTrendsChart.tsx';

const DIMENSIONS = [
  'stage',
  'channel',
  'segment',
] as const satisfies readonly SatisfactionGroupBy[];

/**
 * Opens the feedback list on exactly the records one chart group counts (issue 21), the report's
 * filters included; the window's instants go as fromAt/toAt, beside the list's own day filters.
 */
function openRecords(out: SatisfactionOut, key: string) {
  const drill = satisfactionDrill(out, key);
  if (!drill) return;
  const { from, to, ...rest } = drill;
  const params = new URLSearchParams({ ...rest, fromAt: from, toAt: to });
  navigate(`/feedback?${params}`);
}

export function DashboardPage() {
  const { t } = useTranslation();
  const p = readDashboardParams(useQueryParams());
  const { metric, from, to, filters } = p;
  const byMonth = useQuery({
    queryKey: ['metrics', metric, 'month', from, to, filters],
    queryFn: () =>
      getSatisfaction({ metric, groupBy: 'month', from, to, compare: 'previous', ...filters }),
  });
  const dimensions = useQuery({
    queryKey: ['metrics', metric, 'dimensions', from, to, filters],
    queryFn: () =>
      Promise.all(
        DIMENSIONS.map((groupBy) => getSatisfaction({ metric, groupBy, from, to, ...filters })),
      ),
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('dashboard.title')} intro={t('dashboard.intro')} />
      <DashboardFilters value={p} />
      <HeadlineCards params={p} />
      <SegmentedControl
        aria-label={t('dashboard.metric')}
        value={metric}
        onChange={(value) =>
          setQueryParams(dashboardQuery({ ...p, metric: value as typeof metric }))
        }
        data={METRICS.map((m) => ({ value: m, label: t(`dashboard.metrics.${m}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <ErrorAlert error={byMonth.error ?? dimensions.error} />
      <Text size="xs" c="dimmed">
        {t('dashboard.drillHint')}
      </Text>
      {byMonth.data && (
        <MonthChart
          data={byMonth.data}
          metric={metric}
          onPick={(key) => openRecords(byMonth.data, key)}
        />
      )}
      <TextTrendsChart from={from} to={to} filters={filters} />
      {dimensions.data && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {dimensions.data.map((data, i) => (
            <DimensionChart
              key={DIMENSIONS[i]}
              data={data}
              metric={metric}
              dimension={DIMENSIONS[i]!}
              onPick={(key) => openRecords(data, key)}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
