// One value of the operational layer: the figure, its target and a colour for its status.
import { Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MetricValueOut } from '../../api/scorecard.ts';
import { formatMetric, metricLabelKey, STATUS_COLOURS } from './format.ts';

interface Props {
  value: MetricValueOut;
  /** A KPI's name and unit; built-in metrics are named by their key. */
  name?: string;
  unit?: string | null;
}

export function MetricTile({ value: v, name, unit }: Props) {
  const { t } = useTranslation();
  const colour = v.status ? STATUS_COLOURS[v.status] : undefined;
  return (
    <Card
      withBorder
      padding="xs"
      radius="sm"
      data-testid={`metric-${v.metric}`}
      data-status={v.status ?? 'none'}
      style={colour ? { borderLeft: `4px solid var(--mantine-color-${colour}-6)` } : undefined}
    >
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {name ?? t(metricLabelKey(v.metric))}
      </Text>
      <Text fw={700} size="lg">
        {formatMetric(v.metric, v.value, t, unit)}
      </Text>
      <Group gap={4} wrap="wrap">
        {v.target !== null && (
          <Text size="xs">
            {t('scorecard.target')} {v.direction === 'up' ? '≥' : '≤'}{' '}
            {formatMetric(v.metric, v.target, t, unit)}
          </Text>
        )}
        {v.status && (
          <Badge size="xs" color={colour} style={{ textTransform: 'none' }}>
            {t(`scorecard.status.${v.status}`)}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
