// Satisfaction at a glance: NPS / CSAT / CES for the last 90 days (with the margin of error, so
// a small sample is not over-read), then the chosen metric by month and by stage, channel and
// segment for the chosen period.
import {
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  getOverview,
  getSatisfaction,
  METRICS,
  type SatisfactionGroupBy,
  type SatisfactionMetric,
  type SatisfactionOut,
} from '../../api/metrics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { navigate, setQueryParams, useQueryParams } from '../../router.tsx';
import { satisfactionDrill } from '../../../shared/domain/satisfaction-drill.ts';
import { DimensionChart, MonthChart } from './charts.tsx';
import { TextTrendsChart } from './TextTrendsChart.tsx';

const PERIODS = ['3', '6', '12', '24'] as const;
const DIMENSIONS = [
  'stage',
  'channel',
  'segment',
] as const satisfies readonly SatisfactionGroupBy[];

/** The first day of the month `months - 1` months ago, as a calendar date (the API's `from`). */
function periodStart(months: number): string {
  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  return start.toISOString().slice(0, 10);
}

export function formatMetric(metric: SatisfactionMetric, value: number | null): string {
  if (value === null) return '—';
  if (metric === 'nps') return String(Math.round(value));
  if (metric === 'csat') return `${Math.round(value)} %`;
  return value.toFixed(1);
}

function OverviewCard({
  metric,
  summary,
}: {
  metric: SatisfactionMetric;
  summary: { value: number | null; responses: number; marginOfError: number | null };
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid={`overview-${metric}`}>
      <Text size="sm" c="dimmed">
        {t(`dashboard.metrics.${metric}`)}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={32} fw={700}>
          {formatMetric(metric, summary.value)}
        </Text>
        {summary.marginOfError !== null && (
          <Text size="sm" c="dimmed">
            ± {summary.marginOfError.toFixed(1)}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dashboard.responsesCount', { count: summary.responses })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`dashboard.hints.${metric}`)}
      </Text>
    </Card>
  );
}

/**
 * Opens the feedback list on exactly the records one chart group counts (issue 21); the window's
 * instants go as fromAt/toAt, beside the list's own day filters.
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
  const params = useQueryParams();
  const metric: SatisfactionMetric = METRICS.includes(params.metric as SatisfactionMetric)
    ? (params.metric as SatisfactionMetric)
    : 'nps';
  const period = PERIODS.includes(params.period as (typeof PERIODS)[number])
    ? params.period!
    : '12';
  const from = periodStart(Number(period));
  const overview = useQuery({ queryKey: ['metrics', 'overview'], queryFn: getOverview });
  const byMonth = useQuery({
    queryKey: ['metrics', metric, 'month', from],
    queryFn: () => getSatisfaction({ metric, groupBy: 'month', from }),
  });
  const dimensions = useQuery({
    queryKey: ['metrics', metric, 'dimensions', from],
    queryFn: () =>
      Promise.all(DIMENSIONS.map((groupBy) => getSatisfaction({ metric, groupBy, from }))),
  });

  return (
    <Stack gap="md">
      <PageHeader title={t('dashboard.title')} intro={t('dashboard.intro')} />
      <ErrorAlert error={overview.error} />
      {overview.data && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {METRICS.map((m) => (
            <OverviewCard key={m} metric={m} summary={overview.data[m]} />
          ))}
        </SimpleGrid>
      )}
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          aria-label={t('dashboard.metric')}
          value={metric}
          onChange={(value) => setQueryParams({ ...params, metric: value })}
          data={METRICS.map((m) => ({ value: m, label: t(`dashboard.metrics.${m}`) }))}
        />
        <NativeSelect
          aria-label={t('dashboard.period')}
          value={period}
          onChange={(e) => setQueryParams({ ...params, period: e.currentTarget.value })}
          data={PERIODS.map((p) => ({
            value: p,
            label: t('dashboard.lastMonths', { count: Number(p) }),
          }))}
        />
      </Group>
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
      <TextTrendsChart from={from} />
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
