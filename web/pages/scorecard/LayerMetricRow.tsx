// One metric of a scorecard layer: traffic light, name, the value (a link to the rows behind it),
// the change against the period before, the target, n and the sparkline. `size="md"` is the
// stage page's larger form, with the status in words as well as in colour.
import { Badge, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { drillPage, type LayerMetricOut } from '../../api/scorecard-layers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import {
  changeOf,
  formatTarget,
  formatValue,
  LIGHT_COLOURS,
  lightOf,
  metricName,
} from './layer-format.ts';
import { Sparkline } from './Sparkline.tsx';

const TONE_COLOURS = { better: 'green.7', worse: 'red.7', same: 'dimmed' } as const;

export function StatusLight({ status }: { status: LayerMetricOut['status'] }) {
  const { t } = useTranslation();
  const light = lightOf(status);
  const label = t(`scorecard.layers.status.${light}`);
  return (
    <Box
      component="span"
      title={label}
      data-testid="status-light"
      style={{
        display: 'inline-block',
        flex: 'none',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: `var(--mantine-color-${LIGHT_COLOURS[light]}-${light === 'none' ? 4 : 6})`,
      }}
    >
      <VisuallyHidden>{label}</VisuallyHidden>
    </Box>
  );
}

export function LayerMetricRow({ m, size = 'sm' }: { m: LayerMetricOut; size?: 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const light = lightOf(m.status);
  const value = formatValue(m, m.value, t, lng);
  const change = changeOf(m, t, lng);
  const target = formatTarget(m, t, lng);
  const big = size === 'md';
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="center"
      justify="space-between"
      py={big ? 6 : 4}
      data-testid={`layer-metric-${m.metric}`}
      data-status={light}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Box style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="nowrap" align="center">
          <StatusLight status={m.status} />
          <Text size={big ? 'sm' : 'xs'} style={{ overflowWrap: 'anywhere' }} lh={1.25}>
            {metricName(m, t, lng)}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap" align="baseline" pl={16}>
          {m.drill && m.n !== null ? (
            <AnchorLink
              to={drillPage(m.drill)}
              fw={700}
              size={big ? 'lg' : 'sm'}
              data-testid="metric-value"
            >
              {value}
            </AnchorLink>
          ) : (
            <Text fw={700} size={big ? 'lg' : 'sm'} data-testid="metric-value">
              {value}
            </Text>
          )}
          {change && (
            <Text
              size="xs"
              c={TONE_COLOURS[change.tone]}
              title={t('scorecard.layers.changeTitle', {
                previous: formatValue(m, m.previous, t, lng),
              })}
              data-testid="metric-change"
            >
              {change.arrow} {change.text}
            </Text>
          )}
          {big && m.status && (
            <Badge size="xs" color={LIGHT_COLOURS[light]} style={{ textTransform: 'none' }}>
              {t(`scorecard.layers.status.${light}`)}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" pl={16} lh={1.3}>
          {[
            target && `${t('scorecard.target')} ${target}`,
            m.n !== null && t('scorecard.layers.n', { n: m.n }),
          ]
            .filter(Boolean)
            .join(' · ') || t('scorecard.layers.noData')}
        </Text>
      </Box>
      <Sparkline series={m.series} width={big ? 96 : 56} height={big ? 28 : 20} />
    </Group>
  );
}
