// Clients, searched by name (any alphabet: the server matches Cyrillic case-insensitively) and
// filtered by segment. Search and segment live in the query string.
import { Badge, Button, Group, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listClients } from '../../api/clients.ts';
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
    if (debounced.q !== (params.q ?? '') || debounced.segment !== (params.segment ?? '')) setQueryParams(debounced);
    // Only the debounced inputs push to the URL.
  }, [debounced.q, debounced.segment]);

  const filter = { q: params.q || undefined, segment: params.segment || undefined };
  const clients = useInfiniteQuery({
    queryKey: ['clients', 'list', filter],
    queryFn: ({ pageParam }) => listClients({ ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = clients.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t('clients.title')} intro={t('clients.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md" maw={640}>
        <TextInput type="search" name="q" label={t('clients.search')} placeholder={t('clients.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <TextInput name="segment" label={t('clients.segment')} value={segment} onChange={(e) => setSegment(e.currentTarget.value)} />
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
                <Table.Th>{t('clients.externalId')}</Table.Th>
                <Table.Th>{t('clients.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((client) => (
                <Table.Tr key={client.id} data-testid="client-row">
                  <Table.Td><AnchorLink to={`/clients/${client.id}`} size="sm" fw={500}>{client.name}</AnchorLink></Table.Td>
                  <Table.Td>{client.segment && <Badge variant="light" style={{ textTransform: 'none' }}>{client.segment}</Badge>}</Table.Td>
                  <Table.Td>{t(`clients.kinds.${client.kind}`)}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{client.externalId ?? '—'}</Text></Table.Td>
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
          <Button variant="light" loading={clients.isFetchingNextPage} onClick={() => void clients.fetchNextPage()}>{t('common.loadMore')}</Button>
        </Group>
      )}
    </>
  );
}
