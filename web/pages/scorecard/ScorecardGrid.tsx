// The grid: one card per journey stage, its four layers side by side on a wide screen, two by
// two on a tablet and one under another on a phone. Metrics with nothing to say in the window
// (no value in any period and no target) are folded away unless asked for.
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/clients.ts';
import {
  LAYERS,
  type LayerMetricOut,
  type ScorecardLayer,
  type ScorecardStageOut,
} from '../../api/scorecard-layers.ts';
import { stageName } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { isEmptyMetric } from './layer-format.ts';
import { LayerMetricRow } from './LayerMetricRow.tsx';

export function LayerCell({
  layer,
  metrics,
  showEmpty,
  size = 'sm',
}: {
  layer: ScorecardLayer;
  metrics: readonly LayerMetricOut[];
  showEmpty: boolean;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  const shown = showEmpty ? metrics : metrics.filter((m) => !isEmptyMetric(m));
  const hidden = metrics.length - shown.length;
  return (
    <Stack gap={0} data-testid={`layer-${layer}`} style={{ minWidth: 0 }}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {t(`scorecard.layers.names.${layer}`)}
      </Text>
      {shown.map((m) => (
        <LayerMetricRow key={m.metric} m={m} size={size} />
      ))}
      {shown.length === 0 && (
        <Text
          size="xs"
          c="dimmed"
          py={4}
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          {t('scorecard.layers.nothingYet')}
        </Text>
      )}
      {hidden > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('scorecard.layers.hiddenEmpty', { count: hidden })}
        </Text>
      )}
    </Stack>
  );
}

export function ScorecardGrid({
  stages,
  query,
  showEmpty,
}: {
  stages: readonly ScorecardStageOut[];
  query: Record<string, string>;
  showEmpty: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (stages.length === 0) return <Text c="dimmed">{t('scorecard.layers.noStages')}</Text>;
  return (
    <Stack gap="md" data-testid="scorecard-grid">
      {stages.map((stage) => (
        <Card
          key={stage.key}
          withBorder
          radius="md"
          padding="sm"
          data-testid={`scorecard-stage-${stage.key}`}
        >
          <Group justify="space-between" mb="xs" gap="xs">
            <Title order={2} size="h4">
              <AnchorLink
                to={`/scorecard/stages/${encodeURIComponent(stage.key)}${queryString(query)}`}
                inherit
                c="inherit"
              >
                {stageName(stage, i18n.language)}
              </AnchorLink>
            </Title>
            <AnchorLink
              to={`/scorecard/stages/${encodeURIComponent(stage.key)}${queryString(query)}`}
              size="sm"
            >
              {t('scorecard.layers.stageDetails')}
            </AnchorLink>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
            {LAYERS.map((layer) => (
              <LayerCell
                key={layer}
                layer={layer}
                metrics={stage.layers[layer]}
                showEmpty={showEmpty}
              />
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
