// The matrix's filters, in the query string like the scorecard's: segment (typed, debounced),
// manager, and an "as of" day (empty: the stored current scores).
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilter } from '../../api/portfolio.ts';
import { useUsers } from '../../components/useUsers.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';

export function usePortfolioFilter(): PortfolioFilter {
  const p = useQueryParams();
  return {
    segment: p.segment || undefined,
    managerId: p.managerId || undefined,
    asOf: p.asOf || undefined,
  };
}

export function PortfolioFilters({ value }: { value: PortfolioFilter }) {
  const { t } = useTranslation();
  const query = useQueryParams();
  const users = useUsers();
  const [segment, setSegment] = useState(value.segment ?? '');
  const [debounced] = useDebouncedValue(segment.trim(), 400);
  useEffect(() => {
    if (debounced !== (value.segment ?? '')) setQueryParams({ ...query, segment: debounced });
    // Only the debounced input pushes to the URL.
  }, [debounced]);
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" data-testid="portfolio-filters">
      <TextInput
        name="segment"
        label={t('portfolio.filters.segment')}
        placeholder={t('portfolio.filters.anySegment')}
        value={segment}
        onChange={(e) => setSegment(e.currentTarget.value)}
      />
      {users.length > 0 && (
        <NativeSelect
          name="managerId"
          label={t('portfolio.filters.manager')}
          value={value.managerId ?? ''}
          onChange={(e) => setQueryParams({ ...query, managerId: e.currentTarget.value })}
          data={[
            { value: '', label: t('portfolio.filters.anyManager') },
            ...users.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      )}
      <TextInput
        type="date"
        name="asOf"
        label={t('portfolio.filters.asOf')}
        title={t('portfolio.filters.asOfHint')}
        value={value.asOf ?? ''}
        onChange={(e) => setQueryParams({ ...query, asOf: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}
