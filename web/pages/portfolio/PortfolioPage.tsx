// «Портфель клиентов» (issue 17): the 3×3 matrix of attractiveness × relationship with the
// clients of a chosen cell, or the clients that moved between two period snapshots. The view,
// filters and chosen cell live in the query string (shareable links).
import { Anchor, Box, Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../api/client.ts';
import {
  getPortfolio,
  getStrategies,
  refreshPortfolio,
  type PortfolioCell,
} from '../../api/portfolio.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { onLinkClick, setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { calendarDate } from '../economics/format.ts';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { CellClients } from './CellClients.tsx';
import { cellKey, isLevel } from './cells.ts';
import { MovesView } from './MovesView.tsx';
import { PortfolioCellList } from './PortfolioCellList.tsx';
import { PortfolioFilters, usePortfolioFilter } from './PortfolioFilters.tsx';
import { PortfolioError } from './PortfolioError.tsx';
import { PortfolioGrid } from './PortfolioGrid.tsx';

/** Bubbles drawn: the first page of clients, best attractiveness first; the rest are counted. */
const BUBBLES = 1000;

export function PortfolioPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { user } = useSession();
  useEconomicsSettings(); // the organisation's currency
  const query = useQueryParams();
  const view = query.view === 'moves' ? 'moves' : 'matrix';
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  // Wide enough for the cell's clients beside the grid rather than under it.
  const wide = useMediaQuery('(min-width: 75em)', false, { getInitialValueInEffect: false });
  const settingsHref = '/portfolio/settings';
  return (
    <Stack gap="md">
      <PageHeader
        title={t('portfolio.title')}
        intro={t('portfolio.intro')}
        action={
          can(user.role, 'data.write') && (
            <Anchor
              href={settingsHref}
              onClick={(e) => onLinkClick(e, settingsHref)}
              size="sm"
              data-testid="portfolio-settings-link"
            >
              {t('portfolio.settingsLink')}
            </Anchor>
          )
        }
      />
      <SegmentedControl
        value={view}
        onChange={(v) => setQueryParams({ ...query, view: v === 'moves' ? 'moves' : undefined })}
        data={[
          { value: 'matrix', label: t('portfolio.views.matrix') },
          { value: 'moves', label: t('portfolio.views.moves') },
        ]}
        style={{ alignSelf: 'flex-start' }}
        data-testid="portfolio-view"
      />
      {view === 'moves' ? <MovesView /> : <MatrixView phone={phone} wide={wide} lng={lng} />}
    </Stack>
  );
}

function MatrixView({ phone, wide, lng }: { phone: boolean; wide: boolean; lng: string }) {
  const { t } = useTranslation();
  const query = useQueryParams();
  const filter = usePortfolioFilter();
  const client = useQueryClient();
  const matrix = useQuery({
    queryKey: ['portfolio', 'matrix', filter],
    queryFn: () => getPortfolio({ ...filter, limit: BUBBLES }),
  });
  const strategies = useQuery({ queryKey: ['portfolio', 'strategies'], queryFn: getStrategies });
  const refresh = useMutation({
    mutationFn: refreshPortfolio,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      notifications.show({ color: 'green', message: t('portfolio.refreshed') });
    },
    onError: (error) => notifications.show({ color: 'red', message: t(errorKey(error)) }),
  });
  const texts = new Map(
    (strategies.data?.strategies ?? []).map((s) => [
      cellKey(s),
      lng.startsWith('ru') ? s.textRu : s.textEn,
    ]),
  );
  const selected: PortfolioCell | null =
    isLevel(query.a) && isLevel(query.r)
      ? { attractiveness: query.a, relationship: query.r }
      : null;
  const select = (cell: PortfolioCell) =>
    setQueryParams({ ...query, a: cell.attractiveness, r: cell.relationship });
  const close = () => setQueryParams({ ...query, a: undefined, r: undefined });
  const data = matrix.data;
  return (
    <Stack gap="sm">
      <PortfolioFilters value={filter} />
      <Group justify="space-between" gap="xs">
        {data && (
          <Text size="xs" c="dimmed" data-testid="portfolio-computed">
            {t('portfolio.computed', {
              asOf: calendarDate(data.asOf, lng),
              at: formatDateTime(data.computedAt, lng),
              total: data.cells.reduce((s, c) => s + c.clients, 0),
            })}
          </Text>
        )}
        {!filter.asOf && (
          <Button
            size="xs"
            variant="default"
            loading={refresh.isPending}
            onClick={() => refresh.mutate()}
            data-testid="portfolio-refresh"
          >
            {t('portfolio.refresh')}
          </Button>
        )}
      </Group>
      <PortfolioError error={matrix.error} />
      {matrix.isPending && <Loader size="sm" />}
      {data && phone && (
        <PortfolioCellList
          data={data}
          strategies={texts}
          selected={selected}
          onSelect={select}
          onClose={close}
          filter={filter}
        />
      )}
      {data && !phone && (
        <Box
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
            alignItems: 'start',
            gridTemplateColumns: selected && wide ? 'minmax(0, 2fr) minmax(260px, 1fr)' : '1fr',
          }}
        >
          <div>
            <Text size="sm" fw={500} mb={4}>
              ↑ {t('portfolio.axes.attractiveness')}
            </Text>
            <PortfolioGrid data={data} strategies={texts} selected={selected} onSelect={select} />
          </div>
          {selected && (
            <CellClients
              filter={filter}
              cell={selected}
              strategy={texts.get(cellKey(selected))}
              onClose={close}
            />
          )}
        </Box>
      )}
      {data && !selected && !phone && (
        <Text size="sm" c="dimmed">
          {t('portfolio.pickCell')}
        </Text>
      )}
    </Stack>
  );
}
