// The delivery log of one webhook, newest first; a failed delivery can be sent again.
import { Badge, Button, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listDeliveries, retryDelivery, type DeliveryOut } from '../../api/webhooks.ts';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';

const STATUS_COLOR: Record<DeliveryOut['status'], string> = {
  pending: 'blue',
  delivered: 'green',
  failed: 'red',
};

export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['webhooks', webhookId, 'deliveries'];
  const deliveries = useQuery({ queryKey: key, queryFn: () => listDeliveries(webhookId) });
  const retry = useMutation({
    mutationFn: (deliveryId: string) => retryDelivery(webhookId, deliveryId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  if (deliveries.error) return <ErrorAlert error={deliveries.error} />;
  if (!deliveries.data) return null;
  if (deliveries.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.deliveries.empty')}
      </Text>
    );
  return (
    <>
      <ErrorAlert error={retry.error} />
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={4} fz="sm" data-testid="deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('webhooks.deliveries.event')}</Table.Th>
              <Table.Th>{t('webhooks.deliveries.status')}</Table.Th>
              <Table.Th>{t('webhooks.deliveries.attempts')}</Table.Th>
              <Table.Th>{t('webhooks.deliveries.response')}</Table.Th>
              <Table.Th>{t('webhooks.deliveries.createdAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {d.event}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLOR[d.status]}
                    variant="light"
                    style={{ textTransform: 'none' }}
                  >
                    {t(`webhooks.deliveries.statuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td title={d.lastError ?? undefined}>
                  {d.responseStatus ?? (d.lastError ? t('webhooks.deliveries.noResponse') : '—')}
                </Table.Td>
                <Table.Td>{formatDateTime(d.createdAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {d.status === 'failed' && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={retry.isPending && retry.variables === d.id}
                      onClick={() => retry.mutate(d.id)}
                    >
                      {t('webhooks.deliveries.retry')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
