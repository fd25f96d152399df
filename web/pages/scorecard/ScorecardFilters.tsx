// The scorecard's filters, all in the query string (shareable links; the stage page and the
// reports take the same): month or quarter, the last period and how many periods, the clients'
// segment and manager (these narrow the satisfaction and transactional layers only).
import { NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardFilter, ScorecardPeriod } from '../../api/scorecard-layers.ts';
import { useUsers } from '../../components/useUsers.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { periodLabel } from '../economics/periods.ts';
import {
  endChoices,
  LENGTHS,
  readWindow,
  SCORECARD_PERIODS,
  switchPeriod,
  windowOf,
  windowParams,
  type ScorecardWindow,
} from './scorecard-window.ts';

export interface ScorecardParams {
  window: ScorecardWindow;
  filter: ScorecardFilter;
  /** Everything the URL says, as the page's own query (for links to the stage page). */
  query: Record<string, string>;
}

export function useScorecardParams(): ScorecardParams {
  const params = useQueryParams();
  const window = readWindow(params);
  const filter: ScorecardFilter = {
    ...windowParams(window),
    segment: params.segment || undefined,
    managerId: params.managerId || undefined,
  };
  const query = Object.fromEntries(
    Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return { window, filter, query };
}

export function ScorecardFilters({ value }: { value: ScorecardParams }) {
  const { t, i18n } = useTranslation();
  const { window: w, query } = value;
  const users = useUsers();
  const [segment, setSegment] = useState(value.filter.segment ?? '');
  const [debounced] = useDebouncedValue(segment.trim(), 400);
  useEffect(() => {
    if (debounced !== (value.filter.segment ?? ''))
      setQueryParams({ ...query, segment: debounced });
    // Only the debounced input pushes to the URL.
  }, [debounced]);
  const go = (next: ScorecardWindow) => setQueryParams({ ...query, ...windowParams(next) });
  const ends = endChoices(w.period);
  if (!ends.includes(w.end)) ends.push(w.end);
  const lengths = LENGTHS[w.period].includes(w.length)
    ? LENGTHS[w.period]
    : [...LENGTHS[w.period], w.length];
  return (
    <Stack gap={4} mb="md">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" data-testid="scorecard-filters">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('scorecard.period')}
          </Text>
          <SegmentedControl
            aria-label={t('scorecard.period')}
            value={w.period}
            onChange={(v) => go(switchPeriod(w, v as ScorecardPeriod))}
            data={SCORECARD_PERIODS.map((p) => ({ value: p, label: t(`scorecard.${p}`) }))}
          />
        </Stack>
        <NativeSelect
          name="end"
          label={t('scorecard.layers.lastPeriod')}
          value={w.end}
          onChange={(e) => go(windowOf(w.period, e.currentTarget.value, w.length))}
          data={ends.map((start) => ({
            value: start,
            label: periodLabel(start, w.period, t, i18n.language),
          }))}
        />
        <NativeSelect
          name="length"
          label={t('scorecard.layers.length')}
          value={String(w.length)}
          onChange={(e) => go(windowOf(w.period, w.end, Number(e.currentTarget.value)))}
          data={lengths.map((n) => ({
            value: String(n),
            label: t(`scorecard.layers.lengths.${w.period}`, { count: n }),
          }))}
        />
        <TextInput
          name="segment"
          label={t('scorecard.layers.segment')}
          placeholder={t('scorecard.layers.anySegment')}
          value={segment}
          onChange={(e) => setSegment(e.currentTarget.value)}
        />
        {users.length > 0 && (
          <NativeSelect
            name="managerId"
            label={t('scorecard.layers.manager')}
            value={value.filter.managerId ?? ''}
            onChange={(e) => setQueryParams({ ...query, managerId: e.currentTarget.value })}
            data={[
              { value: '', label: t('scorecard.layers.anyManager') },
              ...users.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
        )}
      </SimpleGrid>
      {(value.filter.segment || value.filter.managerId) && (
        <Text size="xs" c="dimmed">
          {t('scorecard.layers.filterNote')}
        </Text>
      )}
    </Stack>
  );
}
