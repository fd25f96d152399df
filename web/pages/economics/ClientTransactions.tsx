// One client's transactions, newest first, paged, with CSV / XLSX export. A refund's amount and
// cost are shown negative: it takes revenue back and returns its cost.
import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportUrl, listTransactions } from '../../api/economics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { calendarDate, money } from './format.ts';
import { isLate, paymentWords } from './transaction-words.ts';

export function useClientTransactions(clientId: string) {
  return useInfiniteQuery({
    queryKey: ['transactions', clientId],
    queryFn: ({ pageParam }) => listTransactions({ clientId, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function ClientTransactions({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const txs = useClientTransactions(clientId);
  const items = txs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h5">
          {t('economics.client.transactions')}
        </Title>
        <ExportButtons
          urlFor={(format) => exportUrl('transactions', format, { clientId, lang: lng })}
        />
      </Group>
      <ErrorAlert error={txs.error} />
      {txs.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('economics.client.noTransactions')}
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped fz="sm" data-testid="client-transactions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('economics.tx.date')}</Table.Th>
                <Table.Th>{t('economics.tx.document')}</Table.Th>
                <Table.Th ta="right">{t('economics.tx.amount')}</Table.Th>
                <Table.Th ta="right">{t('economics.tx.cost')}</Table.Th>
                <Table.Th>{t('economics.tx.payment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tx) => (
                <Table.Tr key={tx.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{calendarDate(tx.date, lng)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap={4} wrap="nowrap">
                        {tx.kind === 'refund' && (
                          <Badge size="xs" color="orange" variant="light">
                            {t('economics.tx.refund')}
                          </Badge>
                        )}
                        <Text size="sm">{tx.externalId}</Text>
                      </Group>
                      {tx.product && (
                        <Text size="xs" c="dimmed">
                          {tx.product}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(tx.kind === 'refund' ? -tx.amount : tx.amount, lng)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(tx.cost !== null && tx.kind === 'refund' ? -tx.cost : tx.cost, lng)}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={isLate(tx) ? 'red' : undefined}>
                      {paymentWords(tx, t, lng) ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {txs.hasNextPage && (
        <Group justify="center" mt="xs">
          <Button
            variant="light"
            size="xs"
            loading={txs.isFetchingNextPage}
            onClick={() => void txs.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
