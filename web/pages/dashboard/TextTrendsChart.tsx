// Text analytics on the dashboard: sentiment by month (stacked bars) and the most frequent topics
// with their negative share, for the dashboard's chosen period and filters. Owned by the text
// module.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getTextTrends, type TrendsOut } from '../../api/text.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ChartCard } from '../../components/ChartCard.tsx';
import type { ChartOption } from '../../components/useEChart.ts';
import { useTopicLabel } from '../text/useTopics.ts';
import type { DashboardParams } from './dashboard-params.ts';

const COLORS = { positive: '#40c057', neutral: '#adb5bd', negative: '#fa5252' } as const;
const TOP_TOPICS = 8;

function SentimentByMonth({ data }: { data: TrendsOut }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const month = new Intl.DateTimeFormat(i18n.language, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.months.map((m) => month.format(new Date(`${m.month}-01T00:00:00Z`))),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['negative', 'neutral', 'positive'] as const).map((label) => ({
        name: t(`text.sentiment.${label}`),
        type: 'bar',
        stack: 'sentiment',
        data: data.months.map((m) => m[label]),
        itemStyle: { color: COLORS[label] },
      })),
    };
  }, [data, t, i18n.language]);
  return (
    <ChartCard
      title={t('text.trends.sentimentByMonth')}
      option={option}
      testId="chart-sentiment"
      height={280}
    />
  );
}

function TopTopics({ data }: { data: TrendsOut }) {
  const { t } = useTranslation();
  const label = useTopicLabel();
  const top = data.topics.slice(0, TOP_TOPICS).reverse();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: top.map((x) => label(x.key)),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: [
        {
          name: t('text.sentiment.negative'),
          type: 'bar',
          stack: 'topic',
          data: top.map((x) => x.negative),
          itemStyle: { color: COLORS.negative },
        },
        {
          name: t('text.trends.positive'),
          type: 'bar',
          stack: 'topic',
          data: top.map((x) => x.positive),
          itemStyle: { color: COLORS.positive },
        },
        {
          name: t('text.trends.other'),
          type: 'bar',
          stack: 'topic',
          data: top.map((x) => x.count - x.negative - x.positive),
          itemStyle: { color: '#74c0fc' },
        },
      ],
    }),
    [top, t, label],
  );
  return (
    <ChartCard
      title={t('text.trends.topTopics')}
      option={option}
      testId="chart-topics"
      height={280}
    />
  );
}

/** The dashboard's window and filters: the texts of the records the charts beside it count. */
export function TextTrendsChart({
  from,
  to,
  filters,
}: {
  from: string;
  to: string;
  filters: DashboardParams['filters'];
}) {
  const { t } = useTranslation();
  const trends = useQuery({
    queryKey: ['text', 'trends', from, to, filters],
    queryFn: () => getTextTrends({ from, to, ...filters }),
  });
  if (trends.error) return <ErrorAlert error={trends.error} />;
  if (!trends.data) return null;
  if (trends.data.months.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('text.trends.empty')}
      </Text>
    );
  const { highScoreNegativeText: high, lowScorePositiveText: low } = trends.data.disagreements;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SentimentByMonth data={trends.data} />
        <TopTopics data={trends.data} />
      </SimpleGrid>
      {high + low > 0 && (
        <Text size="sm" c="orange.8" data-testid="disagreement-count">
          {t('text.trends.disagreements', { count: high + low })}{' '}
          <Text span size="sm" c="dimmed">
            ({t('text.trends.disagreementsDetail', { high, low })})
          </Text>
        </Text>
      )}
    </Stack>
  );
}
