// «Слоёный пирог»: every journey stage × the four layers — satisfaction, transactional,
// operational, employee — each metric with its traffic light, value, change, target, n and
// sparkline; a value opens the rows behind it. Filters live in the query string.
import { Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayeredScorecard, reportUrl } from '../../api/scorecard-layers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { periodName } from './layer-format.ts';
import { StatusLight } from './LayerMetricRow.tsx';
import { ScorecardFilters, useScorecardParams } from './ScorecardFilters.tsx';
import { ScorecardGrid } from './ScorecardGrid.tsx';

export function StatusLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap" data-testid="status-legend">
      {(['green', 'amber', 'red', null] as const).map((s) => (
        <Group key={s ?? 'none'} gap={4} wrap="nowrap">
          <StatusLight status={s} />
          <Text size="xs" c="dimmed">
            {t(`scorecard.layers.legend.${s ?? 'none'}`)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

/** Which period the values are, and what the arrows compare them with. */
export function ValuesOf({ periods }: { periods: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const [previous, last] = [periods.at(-2), periods.at(-1)];
  if (!last) return null;
  const name = (p: string) => periodName(p, t, i18n.language);
  return (
    <Text size="sm" c="dimmed" mb="sm" data-testid="values-of">
      {previous
        ? t('scorecard.layers.valuesOfBoth', { period: name(last), previous: name(previous) })
        : t('scorecard.layers.valuesOf', { period: name(last) })}
    </Text>
  );
}

export function ScorecardPage() {
  const { t, i18n } = useTranslation();
  useEconomicsSettings(); // the organisation's currency for money values
  const params = useScorecardParams();
  const [showEmpty, setShowEmpty] = useState(false);
  const data = useQuery({
    queryKey: ['scorecard', 'layers', params.filter],
    queryFn: () => getLayeredScorecard(params.filter),
  });
  return (
    <Stack gap={0}>
      <PageHeader
        title={t('scorecard.layers.title')}
        intro={t('scorecard.layers.intro')}
        action={
          <ExportButtons
            formats={['pdf', 'xlsx'] as const}
            urlFor={(format) =>
              reportUrl('scorecard', format, { ...params.query, lang: i18n.language })
            }
          />
        }
      />
      <ScorecardFilters value={params} />
      <Group justify="space-between" mb="sm" gap="sm">
        <StatusLegend />
        <Group gap="md">
          <Switch
            size="xs"
            label={t('scorecard.layers.showEmpty')}
            checked={showEmpty}
            onChange={(e) => setShowEmpty(e.currentTarget.checked)}
          />
          <AnchorLink to="/arbiter" size="sm">
            {t('arbiter.nav')}
          </AnchorLink>
        </Group>
      </Group>
      {data.data && <ValuesOf periods={data.data.periods} />}
      <ErrorAlert error={data.error} />
      {data.isPending && <Loader size="sm" />}
      {data.data && (
        <ScorecardGrid stages={data.data.stages} query={params.query} showEmpty={showEmpty} />
      )}
    </Stack>
  );
}
