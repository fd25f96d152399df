// A stage's targets as short badges: "NPS ≥ 40", "CES ≤ 3".
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageTarget } from '../../api/stages.ts';
import { formatMetric, metricLabelKey } from '../scorecard/format.ts';

/** A target's metric in words: the stage form's names, else the scorecard's (never the key). */
function targetName(metric: string, t: (k: string, o?: Record<string, unknown>) => string) {
  const own = `stages.metrics.${metric}`;
  return t(own, { defaultValue: t(metricLabelKey(metric), { defaultValue: metric }) });
}

export function TargetBadges({ targets }: { targets: readonly StageTarget[] }) {
  const { t } = useTranslation();
  if (targets.length === 0)
    return (
      <Text size="xs" c="dimmed" mt={4}>
        {t('stages.noTargets')}
      </Text>
    );
  return (
    <Group gap={4} mt={6} wrap="wrap" data-testid="stage-targets">
      {targets.map((x) => (
        <Badge key={x.metric} variant="light" style={{ textTransform: 'none' }}>
          {targetName(x.metric, t)} {x.direction === 'up' ? '≥' : '≤'}{' '}
          {formatMetric(x.metric, x.target, t)}
        </Badge>
      ))}
    </Group>
  );
}
