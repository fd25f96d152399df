// The rows behind one scorecard value (/scorecard/records?stage=&metric=&period=…, the metric's
// drill link): which stage, metric and period, how many rows the value stands on, then the rows
// a page at a time.
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryString } from '../../api/clients.ts';
import { listKpis } from '../../api/scorecard.ts';
import { getDrill } from '../../api/scorecard-layers.ts';
import { listStages, stageName } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQueryParams } from '../../router.tsx';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { DrillTable } from './DrillTable.tsx';
import { metricName, periodName } from './layer-format.ts';
import { windowEndingWith, windowParams } from './scorecard-window.ts';

const KPI_PREFIX = 'kpi:';
const DRILL_PARAMS = ['stage', 'metric', 'period', 'segment', 'managerId'] as const;

export function DrillPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  useEconomicsSettings(); // the organisation's currency for amounts
  const params = useQueryParams();
  const query = Object.fromEntries(
    DRILL_PARAMS.filter((k) => params[k]).map((k) => [k, params[k]!]),
  );
  const metric = query.metric ?? '';
  const kpiKey = metric.startsWith(KPI_PREFIX) ? metric.slice(KPI_PREFIX.length) : null;
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const kpis = useQuery({ queryKey: ['kpis'], queryFn: listKpis, enabled: kpiKey !== null });
  const kpi = kpis.data?.items.find((k) => k.key === kpiKey);
  const stage = stages.data?.items.find((s) => s.key === query.stage);
  const rows = useInfiniteQuery({
    queryKey: ['scorecard', 'records', query],
    queryFn: ({ pageParam }) => getDrill(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(query.stage && query.metric && query.period),
  });
  const first = rows.data?.pages[0];
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const name = metricName({ metric, name: kpi?.name ?? null, nameEn: kpi?.nameEn ?? null }, t, lng);
  // Back to the scorecard whose last period is this one, with the same client filters.
  const shown = windowEndingWith(query.period ?? '');
  const back = `/scorecard${queryString({
    ...(shown ? windowParams(shown) : {}),
    segment: query.segment,
    managerId: query.managerId,
  })}`;
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('scorecard.drill.title', {
          metric: name,
          // Never the raw key while the names are on their way; the key only for an unknown stage.
          stage: stage ? stageName(stage, lng) : stages.isPending ? '…' : (query.stage ?? ''),
          period: periodName(query.period ?? '', t, lng),
        })}
        action={<AnchorLink to={back}>{t('scorecard.drill.back')}</AnchorLink>}
      />
      {(query.segment || query.managerId) && (
        <Text size="sm" c="dimmed">
          {t('scorecard.drill.filtered')}
        </Text>
      )}
      {query.stage && query.metric && query.period && (
        <Group justify="flex-end">
          <ListExportButtons list="scorecard/records" params={query} />
        </Group>
      )}
      <ErrorAlert error={rows.error} />
      {rows.isLoading && <Loader size="sm" />}
      {first && (
        <>
          <Text fw={600} data-testid="drill-total">
            {t('scorecard.drill.total', { count: first.total })}
          </Text>
          {first.kind === 'enps_counts' && (
            <Alert variant="light" color="blue" data-testid="enps-note">
              {t('scorecard.drill.enpsNote')}
            </Alert>
          )}
          {first.kind === 'enps_counts' && items.length === 0 && first.total > 0 && (
            <Text c="dimmed" data-testid="enps-hidden">
              {t('scorecard.drill.enpsHidden')}
            </Text>
          )}
          {items.length > 0 && (
            <DrillTable
              kind={first.kind}
              rows={items}
              metric={metric}
              unitLabel={kpi?.unit ?? null}
            />
          )}
        </>
      )}
      {rows.hasNextPage && (
        <Group justify="center">
          <Button
            variant="light"
            loading={rows.isFetchingNextPage}
            onClick={() => void rows.fetchNextPage()}
            data-testid="drill-more"
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
