// The moves between two period snapshots: choose "before" and "after" (by default the two latest
// of the same kind, quarter or month), then the clients whose cell changed, as arrows on a small
// matrix and as a list with "old cell → new cell" badges.
import { Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format.ts';
import { getMoves, listSnapshots, takeSnapshot } from '../../api/portfolio.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { can } from '../../permissions.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { cellColor, cellShort, defaultPair, portfolioErrorKey, score } from './cells.ts';
import { MovesDiagram } from './MovesDiagram.tsx';
import { PortfolioError } from './PortfolioError.tsx';

export function MovesView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { user } = useSession();
  const query = useQueryParams();
  const client = useQueryClient();
  const snapshots = useQuery({ queryKey: ['portfolio', 'snapshots'], queryFn: listSnapshots });
  const list = snapshots.data?.snapshots ?? [];
  const fallback = defaultPair(list);
  const from = query.from || fallback.from;
  const to = query.to || fallback.to;
  const moves = useQuery({
    queryKey: ['portfolio', 'moves', from, to],
    queryFn: () => getMoves(from!, to!),
    enabled: Boolean(from && to),
  });
  const take = useMutation({
    mutationFn: () => takeSnapshot(),
    onSuccess: async (s) => {
      await client.invalidateQueries({ queryKey: ['portfolio', 'snapshots'] });
      notifications.show({
        color: 'green',
        message: t(s.created ? 'portfolio.moves.taken' : 'portfolio.moves.exists', {
          period: s.period,
        }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: t(portfolioErrorKey(error)) }),
  });
  const options = list.map((s) => ({
    value: s.period,
    label: t('portfolio.moves.snapshotClients', {
      period: formatPeriod(s.period, i18n.language, t),
      clients: s.clients,
    }),
  }));
  const found = moves.data?.moves ?? [];
  return (
    <Stack gap="sm" data-testid="moves-view">
      <Text size="sm" c="dimmed">
        {t('portfolio.moves.intro')}
      </Text>
      <PortfolioError error={snapshots.error} />
      {snapshots.isPending && <Loader size="sm" />}
      {snapshots.data && list.length === 0 && <Text c="dimmed">{t('portfolio.moves.none')}</Text>}
      <Group gap="sm" align="flex-end" wrap="wrap">
        {list.length > 0 && (
          <>
            <NativeSelect
              name="from"
              label={t('portfolio.moves.from')}
              value={from ?? ''}
              onChange={(e) => setQueryParams({ ...query, from: e.currentTarget.value })}
              data={[{ value: '', label: '—' }, ...options]}
            />
            <NativeSelect
              name="to"
              label={t('portfolio.moves.to')}
              value={to ?? ''}
              onChange={(e) => setQueryParams({ ...query, to: e.currentTarget.value })}
              data={[{ value: '', label: '—' }, ...options]}
            />
          </>
        )}
        {can(user.role, 'data.write') && (
          <Button variant="default" loading={take.isPending} onClick={() => take.mutate()}>
            {t('portfolio.moves.take')}
          </Button>
        )}
      </Group>
      <PortfolioError error={moves.error} moves />
      {moves.isFetching && <Loader size="sm" />}
      {moves.data && found.length === 0 && (
        <Text c="dimmed" data-testid="moves-empty">
          {t('portfolio.moves.empty')}
        </Text>
      )}
      {found.length > 0 && (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <MovesDiagram moves={found} />
          <Stack gap={6} style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Text fw={600} size="sm" data-testid="moves-count">
              {t('portfolio.moves.count', { count: found.length })}
            </Text>
            {found.map((m) => (
              <Paper key={m.clientId} withBorder p="xs" radius="sm" data-testid="move">
                <AnchorLink to={`/clients/${m.clientId}?tab=portfolio`} size="sm" fw={600}>
                  {m.name}
                </AnchorLink>
                <Group gap={6} mt={4} wrap="wrap">
                  <CellBadge cell={m.from.cell} testId="move-from" />
                  <Text span size="sm">
                    →
                  </Text>
                  <CellBadge cell={m.to.cell} testId="move-to" />
                </Group>
                <Text size="xs" c="dimmed" mt={2}>
                  {t('portfolio.moves.scores', {
                    a1: score(m.from.attractiveness, lng),
                    a2: score(m.to.attractiveness, lng),
                    r1: score(m.from.relationship, lng),
                    r2: score(m.to.relationship, lng),
                  })}
                </Text>
              </Paper>
            ))}
          </Stack>
        </Group>
      )}
    </Stack>
  );
}

function CellBadge({ cell, testId }: { cell: Parameters<typeof cellShort>[1]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color="gray"
      c="dark"
      style={{ textTransform: 'none', background: cellColor(cell) }}
      data-testid={testId}
    >
      {cellShort(t, cell)}
    </Badge>
  );
}
