// Per NPS group: clients, paying clients, revenue per paying client, on-time share and retention,
// each with its count and 95 % interval ("± half-width" and "[low; high]").
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionGroupOut } from '../../api/economics.ts';
import { money, num, percent } from './format.ts';

type Interval = [number, number] | null;

/** "1 234 ₽ ± 120 ₽" over "[1 114; 1 354]": the value, then its interval in both forms. */
export function WithInterval({
  value,
  interval,
  show,
  count,
}: {
  value: number | null;
  interval: Interval;
  show: (v: number | null) => string;
  count?: string;
}) {
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" fw={600}>
        {show(value)}
        {interval && value !== null && (
          <Text span size="xs" c="dimmed" fw={400}>
            {' '}
            ± {show((interval[1] - interval[0]) / 2)}
          </Text>
        )}
      </Text>
      {interval && (
        <Text size="xs" c="dimmed">
          [{show(interval[0])}; {show(interval[1])}]
        </Text>
      )}
      {count && (
        <Text size="xs" c="dimmed">
          {count}
        </Text>
      )}
    </Stack>
  );
}

export function LoyaltyTable({ groups }: { groups: readonly SatisfactionGroupOut[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rub = (v: number | null) => money(v, lng, 0);
  const pct = (v: number | null) => percent(v, lng, 1);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder fz="sm" data-testid="loyalty-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('economics.loyalty.group')}</Table.Th>
            <Table.Th ta="right">{t('economics.loyalty.figures.clients')}</Table.Th>
            <Table.Th ta="right">{t('economics.loyalty.figures.payingClients')}</Table.Th>
            <Table.Th ta="right">{t('economics.loyalty.figures.revenuePerPayingClient')}</Table.Th>
            <Table.Th ta="right">{t('economics.loyalty.figures.onTimeShare')}</Table.Th>
            <Table.Th ta="right">{t('economics.loyalty.figures.retention')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.group} data-testid={`loyalty-row-${g.group}`}>
              <Table.Td>{t(`economics.groups.${g.group}`)}</Table.Td>
              <Table.Td ta="right">{num(g.clients, lng, 0)}</Table.Td>
              <Table.Td ta="right">{num(g.payingClients, lng, 0)}</Table.Td>
              <Table.Td ta="right">
                <WithInterval
                  value={g.revenuePerPayingClient}
                  interval={g.revenuePerPayingClientInterval}
                  show={rub}
                  count={t('economics.loyalty.ofPaying', { count: g.payingClients })}
                />
              </Table.Td>
              <Table.Td ta="right">
                <WithInterval
                  value={g.onTimeShare}
                  interval={g.onTimeShareInterval}
                  show={pct}
                  count={t('economics.loyalty.ofDue', { count: g.dueSales })}
                />
              </Table.Td>
              <Table.Td ta="right">
                <WithInterval
                  value={g.retention}
                  interval={g.retentionInterval}
                  show={pct}
                  count={t('economics.loyalty.ofPaying', { count: g.payingClients })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
