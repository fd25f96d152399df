// The clients list: a table on a wide screen; on a phone each client is a card, so a name wraps
// between words, the segment shows whole and nothing hides off the right edge (issue 21).
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ClientOut } from '../../api/clients.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDateTime, formatMoney } from '../../format.ts';

type Row = Pick<
  ClientOut,
  | 'id'
  | 'name'
  | 'segment'
  | 'kind'
  | 'status'
  | 'estimatedAnnualBudget'
  | 'strategicFit'
  | 'externalId'
  | 'createdAt'
>;

function SegmentBadge({ segment }: { segment: string | null }) {
  if (!segment) return null;
  return (
    <Badge variant="light" style={{ textTransform: 'none', maxWidth: '100%' }}>
      {segment}
    </Badge>
  );
}

export function ClientRows({ items }: { items: readonly Row[] }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  if (phone)
    return (
      <Stack gap="xs">
        {items.map((client) => (
          <Card key={client.id} withBorder padding="xs" radius="sm" data-testid="client-row">
            <AnchorLink to={`/clients/${client.id}`} size="sm" fw={600}>
              {client.name}
            </AnchorLink>
            <Group gap={6} mt={4} wrap="wrap">
              <SegmentBadge segment={client.segment} />
              <Text size="xs" c="dimmed">
                {t(`clients.kinds.${client.kind}`)} · {t(`care.card.statuses.${client.status}`)}
                {client.estimatedAnnualBudget !== null &&
                  ` · ${formatMoney(client.estimatedAnnualBudget, i18n.language)}`}
                {client.strategicFit !== null &&
                  ` · ${t('clients.economics.strategicFit')}: ${client.strategicFit}`}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.name')}</Table.Th>
            <Table.Th>{t('clients.segment')}</Table.Th>
            <Table.Th>{t('clients.kind')}</Table.Th>
            <Table.Th>{t('care.card.status')}</Table.Th>
            <Table.Th>{t('clients.economics.budget')}</Table.Th>
            <Table.Th>{t('clients.economics.strategicFit')}</Table.Th>
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
                <SegmentBadge segment={client.segment} />
              </Table.Td>
              <Table.Td>{t(`clients.kinds.${client.kind}`)}</Table.Td>
              <Table.Td>{t(`care.card.statuses.${client.status}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(client.estimatedAnnualBudget, i18n.language)}
              </Table.Td>
              <Table.Td>{client.strategicFit ?? '—'}</Table.Td>
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
  );
}
