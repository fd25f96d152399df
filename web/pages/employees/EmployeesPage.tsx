// Employees: searched by name, position, e-mail, phone or personnel number (Cyrillic too), filtered
// by stage and status (filters live in the query string); added and edited in a modal; imported
// from a file through the import page with the employees target chosen.
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMPLOYEE_STATUSES,
  listEmployees,
  listStageKeys,
  type EmployeeOut,
} from '../../api/employees.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { can } from '../../permissions.ts';
import { navigate, setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { calendarDate } from '../economics/format.ts';
import { EmployeeModal } from './EmployeeModal.tsx';

const STATUS_COLOR = { active: 'green', on_leave: 'yellow', left: 'gray' } as const;

export function EmployeesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const mayWrite = can(user.role, 'data.write');
  const params = useQueryParams();
  const [q, setQ] = useState(params.q ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 350);
  useEffect(() => {
    if (debounced !== (params.q ?? '')) setQueryParams({ ...params, q: debounced });
    // Only the debounced input pushes to the URL.
  }, [debounced]);
  // undefined: closed; null: a new employee.
  const [editing, setEditing] = useState<EmployeeOut | null | undefined>(undefined);

  const filter = {
    q: params.q || undefined,
    stage: params.stage || undefined,
    status: params.status || undefined,
  };
  const employees = useInfiniteQuery({
    queryKey: ['employees', 'list', filter],
    queryFn: ({ pageParam }) => listEmployees({ ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const stageKeys = useQuery({ queryKey: ['employees', 'stage-keys'], queryFn: listStageKeys });
  const items = employees.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('employees.title')}
        intro={t('employees.intro')}
        action={
          mayWrite && (
            <Group gap="xs">
              <Button variant="default" onClick={() => navigate('/imports?target=employees')}>
                {t('employees.import')}
              </Button>
              <Button onClick={() => setEditing(null)}>{t('employees.add')}</Button>
            </Group>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="md" maw={900}>
        <TextInput
          type="search"
          name="q"
          label={t('employees.search')}
          placeholder={t('employees.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <NativeSelect
          name="stage"
          label={t('employees.stage')}
          value={params.stage ?? ''}
          onChange={(e) => setQueryParams({ ...params, stage: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('employees.allStages') },
            ...(stageKeys.data ?? []).map((key) => ({ value: key, label: key })),
          ]}
        />
        <NativeSelect
          name="status"
          label={t('employees.status')}
          value={params.status ?? ''}
          onChange={(e) =>
            setQueryParams({ ...params, status: e.currentTarget.value || undefined })
          }
          data={[
            { value: '', label: t('employees.allStatuses') },
            ...EMPLOYEE_STATUSES.map((s) => ({ value: s, label: t(`employees.statuses.${s}`) })),
          ]}
        />
      </SimpleGrid>
      <Group justify="flex-end" mb="sm">
        <ListExportButtons list="employees" params={filter} />
      </Group>
      <ErrorAlert error={employees.error} />
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={1040}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employees.name')}</Table.Th>
                <Table.Th>{t('employees.position')}</Table.Th>
                <Table.Th>{t('employees.stageShort')}</Table.Th>
                <Table.Th>{t('employees.manager')}</Table.Th>
                <Table.Th>{t('employees.status')}</Table.Th>
                <Table.Th>{t('employees.hireDate')}</Table.Th>
                <Table.Th>{t('employees.email')}</Table.Th>
                <Table.Th>{t('employees.externalId')}</Table.Th>
                <Table.Th>{t('employees.user')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id} data-testid="employee-row">
                  <Table.Td>
                    {mayWrite ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        px={0}
                        onClick={() => setEditing(e)}
                      >
                        {e.name}
                      </Button>
                    ) : (
                      <Text size="sm" fw={500}>
                        {e.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.position ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.stageKey && (
                      <Badge
                        variant="light"
                        style={{ textTransform: 'none' }}
                        styles={{ label: { overflow: 'visible' } }}
                      >
                        {e.stageKey}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.manager?.name ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={STATUS_COLOR[e.status]}
                      variant="light"
                      style={{ textTransform: 'none' }}
                      styles={{ label: { overflow: 'visible' } }}
                    >
                      {t(`employees.statuses.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {calendarDate(e.hireDate, i18n.language)}
                  </Table.Td>
                  <Table.Td>{e.email ?? e.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {e.externalId ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.user?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {employees.data && items.length === 0 && <Text c="dimmed">{t('employees.empty')}</Text>}
      {employees.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="light"
            loading={employees.isFetchingNextPage}
            onClick={() => void employees.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {editing !== undefined && (
        <EmployeeModal
          key={editing?.id ?? 'new'}
          employee={editing}
          opened
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
