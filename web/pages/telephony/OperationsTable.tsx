// The phone line's operational metrics per stage, employee or day (for the scorecard).
import {
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getOperations, type OperationsGroupBy } from '../../api/telephony.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const num = (n: number | null, lng: string) =>
  n === null ? '—' : new Intl.NumberFormat(lng, { maximumFractionDigits: 1 }).format(n);

export function OperationsTable() {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState<OperationsGroupBy>('stage');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ops = useQuery({
    queryKey: ['calls', 'operations', groupBy, from, to],
    queryFn: () => getOperations(groupBy, from || undefined, to || undefined),
  });
  const keyLabel = (key: string) => (key === 'none' ? t('telephony.none') : key);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={groupBy}
          onChange={(v) => setGroupBy(v as OperationsGroupBy)}
          data={(['stage', 'employee', 'day'] as const).map((g) => ({
            value: g,
            label: t(`telephony.groupBy.${g}`),
          }))}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('telephony.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('telephony.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
      </Group>
      <ErrorAlert error={ops.error} />
      {ops.isPending && <Loader size="sm" />}
      {ops.data && ops.data.groups.length === 0 && (
        <Text c="dimmed">{t('telephony.emptyMetrics')}</Text>
      )}
      {ops.data && ops.data.groups.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder fz="sm" data-testid="operations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`telephony.groupBy.${groupBy}`)}</Table.Th>
                  <Table.Th>{t('telephony.metrics.calls')}</Table.Th>
                  <Table.Th>{t('telephony.metrics.answered')}</Table.Th>
                  <Table.Th>{t('telephony.metrics.missed')}</Table.Th>
                  <Table.Th>{t('telephony.metrics.avgWait')}</Table.Th>
                  <Table.Th>{t('telephony.metrics.p90Wait')}</Table.Th>
                  <Table.Th>{t('telephony.metrics.callback')}</Table.Th>
                  <Table.Th>
                    {t('telephony.metrics.inTarget', { minutes: ops.data.targetMinutes })}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ops.data.groups.map((g) => (
                  <Table.Tr key={g.key}>
                    <Table.Td>{keyLabel(g.key)}</Table.Td>
                    <Table.Td>{g.calls}</Table.Td>
                    <Table.Td>{percent(g.answeredShare)}</Table.Td>
                    <Table.Td>{percent(g.missedShare)}</Table.Td>
                    <Table.Td>{num(g.avgWaitSeconds, i18n.language)}</Table.Td>
                    <Table.Td>{num(g.p90WaitSeconds, i18n.language)}</Table.Td>
                    <Table.Td>{num(g.avgCallbackMinutes, i18n.language)}</Table.Td>
                    <Table.Td>{percent(g.callbackWithinTargetShare)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {t('telephony.metricsHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}
