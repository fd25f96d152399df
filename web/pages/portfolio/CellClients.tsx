// The clients of one cell (page by page, best attractiveness first) with both scores, revenue and
// the cell's strategy; each client links to its card's portfolio tab.
import { Button, CloseButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getPortfolio, type PortfolioCell, type PortfolioFilter } from '../../api/portfolio.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { money } from '../economics/format.ts';
import { cellName, score } from './cells.ts';

const PAGE = 50;

export function CellClients({
  filter,
  cell,
  strategy,
  onClose,
}: {
  filter: PortfolioFilter;
  cell: PortfolioCell;
  strategy: string | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = { ...filter, ...cell, limit: PAGE };
  const pages = useInfiniteQuery({
    queryKey: ['portfolio', 'cell', q],
    queryFn: ({ pageParam }) => getPortfolio({ ...q, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const clients = pages.data?.pages.flatMap((p) => p.clients) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="cell-clients">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={2} size="h5" data-testid="cell-clients-title">
          {cellName(t, cell)}
        </Title>
        <CloseButton aria-label={t('portfolio.close')} onClick={onClose} />
      </Group>
      {strategy && (
        <Text size="sm" mt={4} data-testid="cell-strategy">
          <Text span fw={600}>
            {t('portfolio.strategy')}:
          </Text>{' '}
          {strategy}
        </Text>
      )}
      <ErrorAlert error={pages.error} />
      {pages.isPending && <Loader size="sm" mt="sm" />}
      {pages.data && clients.length === 0 && (
        <Text c="dimmed" size="sm" mt="sm">
          {t('portfolio.noClients')}
        </Text>
      )}
      <Stack gap={6} mt="sm">
        {clients.map((c) => (
          <div key={c.clientId} data-testid="cell-client">
            <AnchorLink to={`/clients/${c.clientId}?tab=portfolio`} size="sm" fw={600}>
              {c.name}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {t('portfolio.columns.attractiveness')} {score(c.attractiveness, lng)} ·{' '}
              {t('portfolio.columns.relationship')} {score(c.relationship, lng)} ·{' '}
              {money(c.revenue, lng, 0)}
            </Text>
          </div>
        ))}
      </Stack>
      {clients.length > 0 && clients.length < total && (
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('portfolio.shown', { shown: clients.length, total })}
          </Text>
          <Button
            size="xs"
            variant="default"
            loading={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('portfolio.loadMore')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
