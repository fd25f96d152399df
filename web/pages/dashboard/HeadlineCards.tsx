// The headline figures of the chosen period and filters (issue 21): NPS, CSAT and CES with their
// margins of error and answer counts, each beside the previous period of equal length and the
// change — marked as beyond the margin of error only when the API's test says so (two-sided
// p < 0.05 on the difference; shared/api/metrics.ts), so a small sample's swing is not over-read.
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getSatisfaction, METRICS, type SatisfactionMetric } from '../../api/metrics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { DashboardParams } from './dashboard-params.ts';

export function formatMetric(metric: SatisfactionMetric, value: number | null): string {
  if (value === null) return '—';
  if (metric === 'nps') return String(Math.round(value));
  if (metric === 'csat') return `${Math.round(value)} %`;
  return value.toFixed(1);
}

const signed = (x: number, digits: number) =>
  `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

function Headline({ metric, p }: { metric: SatisfactionMetric; p: DashboardParams }) {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['metrics', metric, 'headline', p.from, p.to, p.filters],
    queryFn: () =>
      getSatisfaction({ metric, from: p.from, to: p.to, compare: 'previous', ...p.filters }),
  });
  const g = q.data?.groups[0];
  const change = g?.change;
  const days = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const previous = q.data?.previous;
  // CES is effort: lower is better, so a fall is the good direction.
  const better = change?.value != null && (metric === 'ces' ? change.value < 0 : change.value > 0);
  return (
    <Card withBorder radius="md" padding="md" data-testid={`overview-${metric}`}>
      <ErrorAlert error={q.error} />
      <Text size="sm" c="dimmed">
        {t(`dashboard.metrics.${metric}`)}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={32} fw={700}>
          {formatMetric(metric, g?.value ?? null)}
        </Text>
        {g?.marginOfError != null && (
          <Text size="sm" c="dimmed">
            ± {g.marginOfError.toFixed(1)}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('dashboard.responsesCount', { count: g?.responses ?? 0 })}
      </Text>
      {change && previous && (
        <Group gap={6} mt={4} wrap="wrap" data-testid={`change-${metric}`}>
          <Text size="xs">
            {t('dashboard.compare.previous', {
              value: formatMetric(metric, change.previousValue),
              count: change.previousResponses,
              from: days.format(new Date(previous.from)),
              to: days.format(new Date(Date.parse(previous.to) - 1)),
            })}
          </Text>
          {change.value !== null && (
            <Badge
              variant="light"
              tt="none"
              color={change.significant ? (better ? 'teal' : 'red') : 'gray'}
              title={change.pValue === null ? undefined : `p = ${change.pValue}`}
            >
              {signed(change.value, metric === 'ces' ? 1 : 0)}{' '}
              {change.significant === null
                ? t('dashboard.compare.tooFew')
                : change.significant
                  ? t('dashboard.compare.significant')
                  : t('dashboard.compare.withinMargin')}
            </Badge>
          )}
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {t(`dashboard.hints.${metric}`)}
      </Text>
    </Card>
  );
}

export function HeadlineCards({ params }: { params: DashboardParams }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {METRICS.map((m) => (
        <Headline key={m} metric={m} p={params} />
      ))}
    </SimpleGrid>
  );
}
