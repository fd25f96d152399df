// Clients, searched by name (any alphabet: the server matches Cyrillic case-insensitively) and
// filtered by segment, status, manager and a minimum strategic fit. Filters live in the query
// string.
import { Button, Group, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, listClientsFiltered } from '../../api/care.ts';
import { useUsers } from '../../components/useUsers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { ClientRows } from './ClientRows.tsx';
import { SavedViews } from '../../components/search/SavedViews.tsx';

const CLIENT_FILTERS = ['q', 'segment', 'status', 'managerId', 'minStrategicFit'];

/** Thresholds offered by the strategic-fit filter (the API takes any 0–100). */
const FIT_THRESHOLDS = [25, 50, 75, 90];

export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const params = useQueryParams();
  const [q, setQ] = useState(params.q ?? '');
  const [segment, setSegment] = useState(params.segment ?? '');
  const [debounced] = useDebouncedValue({ q: q.trim(), segment: segment.trim() }, 350);

  useEffect(() => {
    if (debounced.q !== (params.q ?? '') || debounced.segment !== (params.segment ?? ''))
      setQueryParams({ ...params, ...debounced });
    // Only the debounced inputs push to the URL.
  }, [debounced.q, debounced.segment]);

  const users = useUsers();
  const filter = {
    q: params.q || undefined,
    segment: params.segment || undefined,
    status: params.status || undefined,
    managerId: params.managerId || undefined,
    minStrategicFit: params.minStrategicFit || undefined,
  };
  const clients = useInfiniteQuery({
    queryKey: ['clients', 'list', filter],
    queryFn: ({ pageParam }) => listClientsFiltered({ ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('clients.title')} intro={t('clients.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm" mb="md" maw={1200}>
        <TextInput
          type="search"
          name="q"
          label={t('clients.search')}
          placeholder={t('clients.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <TextInput
          name="segment"
          label={t('clients.segment')}
          value={segment}
          onChange={(e) => setSegment(e.currentTarget.value)}
        />
        <NativeSelect
          name="status"
          label={t('care.card.status')}
          value={params.status ?? ''}
          onChange={(e) =>
            setQueryParams({ ...params, status: e.currentTarget.value || undefined })
          }
          data={[
            { value: '', label: t('care.card.allStatuses') },
            ...CLIENT_STATUSES.map((s) => ({ value: s, label: t(`care.card.statuses.${s}`) })),
          ]}
        />
        {users.length > 0 && (
          <NativeSelect
            name="managerId"
            label={t('care.card.manager')}
            value={params.managerId ?? ''}
            onChange={(e) =>
              setQueryParams({ ...params, managerId: e.currentTarget.value || undefined })
            }
            data={[
              { value: '', label: t('care.card.allManagers') },
              ...users.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        )}
        <NativeSelect
          name="minStrategicFit"
          label={t('clients.economics.minFit')}
          value={params.minStrategicFit ?? ''}
          onChange={(e) =>
            setQueryParams({ ...params, minStrategicFit: e.currentTarget.value || undefined })
          }
          data={[
            { value: '', label: t('clients.economics.anyFit') },
            ...FIT_THRESHOLDS.map((fit) => ({
              value: String(fit),
              label: t('clients.economics.fitAtLeast', { fit }),
            })),
          ]}
        />
      </SimpleGrid>
      <Group justify="space-between" mb="sm" gap="xs">
        <SavedViews
          list="clients"
          known={CLIENT_FILTERS}
          params={params}
          onApply={(filters) => {
            setQ(filters.q ?? '');
            setSegment(filters.segment ?? '');
            setQueryParams(filters);
          }}
        />
        <ListExportButtons list="clients" params={filter} />
      </Group>
      <ErrorAlert error={clients.error} />
      {items.length > 0 && <ClientRows items={items} />}
      {clients.data && items.length === 0 && <Text c="dimmed">{t('clients.empty')}</Text>}
      {clients.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="light"
            loading={clients.isFetchingNextPage}
            onClick={() => void clients.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
