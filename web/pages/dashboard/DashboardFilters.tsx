// The dashboard's filters (issue 21): a preset period or a custom range of calendar days, and the
// clients' segment and manager, one client, the stage and the channel. Everything goes to the
// query string (dashboard-params.ts), so a filtered dashboard can be shared or bookmarked.
import { Button, NativeSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listClients } from '../../api/clients.ts';
import { CHANNELS } from '../../api/feedback.ts';
import { listStages, stageName } from '../../api/stages.ts';
import { useUsers } from '../../components/useUsers.ts';
import { setQueryParams } from '../../router.tsx';
import {
  CUSTOM,
  dashboardQuery,
  PERIODS,
  type DashboardFilterKey,
  type DashboardParams,
} from './dashboard-params.ts';

export function DashboardFilters({ value }: { value: DashboardParams }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages, staleTime: 60_000 });
  const clients = useQuery({
    queryKey: ['clients', 'dashboard-filter'],
    queryFn: () => listClients({ limit: 200 }),
    staleTime: 60_000,
  });
  const go = (next: DashboardParams) => setQueryParams(dashboardQuery(next));
  const setFilter = (key: DashboardFilterKey, v: string | null) =>
    go({ ...value, filters: { ...value.filters, [key]: v || undefined } });
  const [segment, setSegment] = useState(value.filters.segment ?? '');
  const [debounced] = useDebouncedValue(segment.trim(), 400);
  useEffect(() => {
    if (debounced !== (value.filters.segment ?? '')) setFilter('segment', debounced);
    // Only the debounced input pushes to the URL.
  }, [debounced]);
  const custom = value.period === CUSTOM;
  const any = (label: string) => ({ value: '', label });
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="dashboard-filters">
      <NativeSelect
        name="period"
        label={t('dashboard.period')}
        value={value.period}
        onChange={(e) => go({ ...value, period: e.currentTarget.value })}
        data={[
          ...PERIODS.map((p) => ({
            value: p,
            label: t('dashboard.lastMonths', { count: Number(p) }),
          })),
          { value: CUSTOM, label: t('dashboard.filters.custom') },
        ]}
      />
      {custom && (
        <>
          <TextInput
            type="date"
            name="from"
            label={t('dashboard.filters.from')}
            value={value.fromDay}
            max={value.toDay}
            onChange={(e) =>
              e.currentTarget.value && go({ ...value, fromDay: e.currentTarget.value })
            }
          />
          <TextInput
            type="date"
            name="to"
            label={t('dashboard.filters.to')}
            value={value.toDay}
            min={value.fromDay}
            onChange={(e) =>
              e.currentTarget.value && go({ ...value, toDay: e.currentTarget.value })
            }
          />
        </>
      )}
      <TextInput
        name="segment"
        label={t('dashboard.filters.segment')}
        placeholder={t('dashboard.filters.anySegment')}
        value={segment}
        onChange={(e) => setSegment(e.currentTarget.value)}
      />
      {users.length > 0 && (
        <NativeSelect
          name="managerId"
          label={t('dashboard.filters.manager')}
          value={value.filters.managerId ?? ''}
          onChange={(e) => setFilter('managerId', e.currentTarget.value)}
          data={[
            any(t('dashboard.filters.anyManager')),
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      )}
      <Select
        name="clientId"
        label={t('dashboard.filters.client')}
        placeholder={t('dashboard.filters.anyClient')}
        searchable
        clearable
        value={value.filters.clientId ?? null}
        onChange={(v) => setFilter('clientId', v)}
        data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        nothingFoundMessage={t('dashboard.noData')}
      />
      <NativeSelect
        name="stage"
        label={t('dashboard.filters.stage')}
        value={value.filters.stage ?? ''}
        onChange={(e) => setFilter('stage', e.currentTarget.value)}
        data={[
          any(t('dashboard.filters.anyStage')),
          ...(stages.data?.items ?? []).map((s) => ({
            value: s.key,
            label: stageName(s, i18n.language),
          })),
        ]}
      />
      <NativeSelect
        name="channel"
        label={t('dashboard.filters.channel')}
        value={value.filters.channel ?? ''}
        onChange={(e) => setFilter('channel', e.currentTarget.value)}
        data={[
          any(t('dashboard.filters.anyChannel')),
          ...CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) })),
        ]}
      />
      {Object.keys(value.filters).length > 0 && (
        <Button
          variant="subtle"
          size="sm"
          style={{ alignSelf: 'end' }}
          onClick={() => {
            setSegment('');
            go({ ...value, filters: {} });
          }}
        >
          {t('dashboard.filters.clear')}
        </Button>
      )}
    </SimpleGrid>
  );
}
