// A stage's targets as short badges: "NPS ≥ 40", "CES ≤ 3".
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StageTarget } from '../../api/stages.ts';

export function TargetBadges({ targets }: { targets: readonly StageTarget[] }) {
  const { t, i18n } = useTranslation();
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
          {i18n.exists(`stages.metrics.${x.metric}`) ? t(`stages.metrics.${x.metric}`) : x.metric}{' '}
          {x.direction === 'up' ? '≥' : '≤'} {x.target}
        </Badge>
      ))}
    </Group>
  );
}
