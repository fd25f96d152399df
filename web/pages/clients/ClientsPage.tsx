// Clients, searched by name (any alphabet: the server matches Cyrillic case-insensitively) and
// filtered by segment, status and manager. Filters live in the query string.
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, listClientsFiltered } from '../../api/care.ts';
import { useUsers } from '../../components/useUsers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';

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
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" mb="md" maw={1000}>
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
      </SimpleGrid>
      <ErrorAlert error={clients.error} />
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('clients.segment')}</Table.Th>
                <Table.Th>{t('clients.kind')}</Table.Th>
                <Table.Th>{t('care.card.status')}</Table.Th>
                <Table.Th>{t('clients.externalId')}</Table.Th>
                <Table.Th>{t('clients.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((client) => (
                <Table.Tr key={client.id} data-testid="client-row">
                  <Table.Td>
                    <AnchorLink to={`/clients/${client.id}`} size="sm" fw={500}>
                      {client.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    {client.segment && (
                      <Badge variant="light" style={{ textTransform: 'none' }}>
                        {client.segment}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`clients.kinds.${client.kind}`)}</Table.Td>
                  <Table.Td>{t(`care.card.statuses.${client.status}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {client.externalId ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(client.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
