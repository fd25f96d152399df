// «Арбитр — какие процессы исправлять первыми»: the journey stages ranked by revenue at risk in a
// window of whole months, each with its evidence and a suggested action. The window lives in the
// query string; the reports take the same parameters.
import { Button, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../api/client.ts';
import { getArbiter, refreshArbiter, reportUrl } from '../../api/scorecard-layers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { periodLabel } from '../economics/periods.ts';
import { useEconomicsSettings } from '../economics/useEconomicsSettings.ts';
import { endChoices, readMonthWindow, windowOf } from '../scorecard/scorecard-window.ts';
import { ArbiterStageCard } from './ArbiterStageCard.tsx';

const LENGTHS = [1, 3, 6, 12];

export function ArbiterPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  useEconomicsSettings(); // the organisation's currency
  const w = readMonthWindow(useQueryParams());
  const query = { from: w.from, to: w.to };
  const client = useQueryClient();
  const data = useQuery({ queryKey: ['arbiter', query], queryFn: () => getArbiter(query) });
  const refresh = useMutation({
    mutationFn: () => refreshArbiter(query),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['arbiter'] });
      notifications.show({ color: 'green', message: t('arbiter.refreshed') });
    },
    onError: (error) => notifications.show({ color: 'red', message: t(errorKey(error)) }),
  });
  const go = (end: string, length: number) => {
    const next = windowOf('month', end, length);
    setQueryParams({ from: next.from, to: next.to });
  };
  const ends = endChoices('month');
  if (!ends.includes(w.end)) ends.push(w.end);
  const lengths = LENGTHS.includes(w.length) ? LENGTHS : [...LENGTHS, w.length];
  const stages = [...(data.data?.stages ?? [])].sort((a, b) => a.rank - b.rank);
  const largest = stages[0]?.revenueAtRisk ?? 0;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('arbiter.title')}
        intro={t('arbiter.intro')}
        action={
          <Group gap="sm" wrap="wrap">
            <ExportButtons
              formats={['pdf', 'xlsx'] as const}
              urlFor={(format) => reportUrl('arbiter', format, { ...query, lang: lng })}
            />
            <AnchorLink to="/arbiter/settings" size="sm" data-testid="arbiter-settings-link">
              {t('arbiter.settings.link')}
            </AnchorLink>
          </Group>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          name="end"
          label={t('arbiter.lastMonth')}
          value={w.end}
          onChange={(e) => go(e.currentTarget.value, w.length)}
          data={ends.map((start) => ({ value: start, label: periodLabel(start, 'month', t, lng) }))}
        />
        <NativeSelect
          name="length"
          label={t('scorecard.layers.length')}
          value={String(w.length)}
          onChange={(e) => go(w.end, Number(e.currentTarget.value))}
          data={lengths.map((n) => ({
            value: String(n),
            label: t('scorecard.layers.lengths.month', { count: n }),
          }))}
        />
        <Button
          variant="default"
          loading={refresh.isPending}
          onClick={() => refresh.mutate()}
          data-testid="arbiter-refresh"
        >
          {t('arbiter.refresh')}
        </Button>
      </Group>
      {data.data && (
        <Text size="xs" c="dimmed" data-testid="arbiter-computed">
          {t('arbiter.computedAt', { at: formatDateTime(data.data.computedAt, lng) })}
        </Text>
      )}
      <ErrorAlert error={data.error} />
      {data.isPending && <Loader size="sm" />}
      {data.data && stages.length === 0 && (
        <Text c="dimmed" data-testid="arbiter-empty">
          {t('arbiter.empty')}
        </Text>
      )}
      {stages.map((s) => (
        <ArbiterStageCard key={s.stage} s={s} largest={largest} churn={data.data!.churnByGroup} />
      ))}
    </Stack>
  );
}
