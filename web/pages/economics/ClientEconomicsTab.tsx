// The client card's "Economics" tab: revenue and margin by month, the last 12 months, LTV, how
// regularly and how punctually the client pays, share of wallet against its annual budget, and
// its transactions.
import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getClientEconomics } from '../../api/economics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ClientTransactions } from './ClientTransactions.tsx';
import { calendarDate, money, num, percent } from './format.ts';
import { SeriesChart } from './SeriesChart.tsx';
import { useEconomicsSettings } from './useEconomicsSettings.ts';

function Stat({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) {
  return (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={20} fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

export function ClientEconomicsTab({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  useEconomicsSettings(); // the base currency of the money below
  const econ = useQuery({
    queryKey: ['economics', 'client', clientId],
    queryFn: () => getClientEconomics(clientId),
  });
  const e = econ.data;
  return (
    <Stack gap="md">
      <ErrorAlert error={econ.error} />
      {econ.isPending && <Loader size="sm" />}
      {e && (
        <>
          <Group gap="xs">
            {e.churned ? (
              <Badge color="red" variant="filled" data-testid="client-churned">
                {t('economics.client.churned')}
              </Badge>
            ) : e.lastSaleAt ? (
              <Badge color="green" variant="light">
                {t('economics.client.active')}
              </Badge>
            ) : null}
            {e.lastSaleAt && (
              <Text size="xs" c="dimmed">
                {t('economics.client.sales', {
                  first: calendarDate(e.firstSaleAt, lng),
                  last: calendarDate(e.lastSaleAt, lng),
                })}
              </Text>
            )}
          </Group>
          {e.churned && (
            <Alert color="red" variant="light">
              {t('economics.client.churnedNote', { count: e.churnAfterPeriods })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs">
            <Stat
              testId="client-revenue12m"
              label={t('economics.client.revenue12m')}
              value={money(e.revenue12m, lng, 0)}
              note={t('economics.client.margin12m', { amount: money(e.margin12m, lng, 0) })}
            />
            <Stat
              testId="client-ltv"
              label={t('economics.client.ltv')}
              value={money(e.historicalLtv, lng, 0)}
              note={t('economics.client.ltvNote')}
            />
            <Stat
              testId="client-periods"
              label={t('economics.client.payingPeriods')}
              value={num(e.payingPeriods, lng, 0)}
              note={t('economics.client.lifetime', {
                span: e.lifetimeSpan,
                idle: e.idlePeriods,
              })}
            />
            <Stat
              testId="client-on-time"
              label={t('economics.client.onTime')}
              value={percent(e.onTimeShare, lng)}
              note={
                e.meanDaysLate === null
                  ? t('economics.client.noLate')
                  : t('economics.client.meanLate', { days: num(e.meanDaysLate, lng, 1) })
              }
            />
            <Stat
              testId="client-wallet"
              label={t('economics.client.shareOfWallet')}
              value={percent(e.shareOfWallet, lng)}
              note={
                e.estimatedAnnualBudget === null
                  ? t('economics.client.noBudget')
                  : t('economics.client.budget', {
                      amount: money(e.estimatedAnnualBudget, lng, 0),
                    })
              }
            />
          </SimpleGrid>
          {e.series.length > 0 && (
            <SeriesChart
              series={e.series}
              unit={e.period}
              title={t('economics.client.series')}
              testId="client-series"
            />
          )}
        </>
      )}
      <ClientTransactions clientId={clientId} />
    </Stack>
  );
}
