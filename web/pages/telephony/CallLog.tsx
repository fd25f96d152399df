// The call log with its filters: missed only, a date range and an employee.
import { Button, Group, Loader, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCalls, type CallFilters } from '../../api/telephony.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CallCard } from './CallCard.tsx';

export function CallLog() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<CallFilters>({ missedOnly: false });
  const [debounced] = useDebouncedValue(filters, 300);
  const calls = useInfiniteQuery({
    queryKey: ['calls', 'log', debounced],
    queryFn: ({ pageParam }) => listCalls(debounced, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = calls.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<CallFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <TextInput
          type="date"
          label={t('telephony.from')}
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('telephony.to')}
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
        <TextInput
          label={t('telephony.employee')}
          value={filters.employee ?? ''}
          onChange={(e) => set({ employee: e.currentTarget.value || undefined })}
        />
        <Group align="flex-end">
          <Switch
            label={t('telephony.missedOnly')}
            checked={filters.missedOnly}
            onChange={(e) => set({ missedOnly: e.currentTarget.checked })}
          />
        </Group>
      </SimpleGrid>
      <ErrorAlert error={calls.error} />
      {calls.isPending && <Loader size="sm" />}
      {calls.data && items.length === 0 && <Text c="dimmed">{t('telephony.emptyLog')}</Text>}
      {items.map((call) => (
        <CallCard key={call.id} call={call} />
      ))}
      {calls.hasNextPage && (
        <Button
          variant="light"
          loading={calls.isFetchingNextPage}
          onClick={() => void calls.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
