// One stage of the layered scorecard (/scorecard/stages/:key): its four layers larger, with the
// same filters as the grid, then the key drivers of its satisfaction and retention.
import { Card, Loader, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/clients.ts';
import { getLayeredScorecard, LAYERS } from '../../api/scorecard-layers.ts';
import { stageName } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useRouteParams } from '../../router.tsx';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { KeyDrivers } from './KeyDrivers.tsx';
import { ScorecardFilters, useScorecardParams } from './ScorecardFilters.tsx';
import { LayerCell } from './ScorecardGrid.tsx';
import { StatusLegend, ValuesOf } from './ScorecardPage.tsx';

export function StageScorecardPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  useEconomicsSettings(); // the organisation's currency for money values
  const key = useRouteParams().key ?? '';
  const params = useScorecardParams();
  const [showEmpty, setShowEmpty] = useState(false);
  const data = useQuery({
    queryKey: ['scorecard', 'layers', params.filter, key],
    queryFn: () => getLayeredScorecard({ ...params.filter, stage: key }),
  });
  const stage = data.data?.stages[0];
  return (
    <Stack gap={0}>
      <PageHeader
        title={stage ? stageName(stage, lng) : key}
        intro={t('scorecard.layers.stageIntro')}
        action={
          <AnchorLink to={`/scorecard${queryString(params.query)}`}>
            {t('scorecard.layers.allStages')}
          </AnchorLink>
        }
      />
      <ScorecardFilters value={params} />
      <StatusLegend />
      <ErrorAlert error={data.error} />
      {data.isPending && <Loader size="sm" />}
      {stage && (
        <Stack gap="sm" mt="sm">
          {data.data && <ValuesOf periods={data.data.periods} />}
          <Switch
            size="xs"
            label={t('scorecard.layers.showEmpty')}
            checked={showEmpty}
            onChange={(e) => setShowEmpty(e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="stage-layers">
            {LAYERS.map((layer) => (
              <Card key={layer} withBorder radius="md" padding="sm">
                <LayerCell
                  layer={layer}
                  metrics={stage.layers[layer]}
                  showEmpty={showEmpty}
                  size="md"
                />
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {stage && (
        <Card withBorder radius="md" padding="md" mt="lg">
          <KeyDrivers stage={stage.key} to={params.filter.to} />
        </Card>
      )}
    </Stack>
  );
}
