// The training plan (issue 18): items by employee and status; the status changes in place;
// the whole filtered plan as CSV or XLSX.
import { Select, Table, Text, Group } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listTrainingItems,
  updateTrainingItem,
  type TrainingItemOut,
} from '../../api/competencies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { TRAINING_STATUSES } from '../../../shared/domain/vocabulary.ts';
import { nameOf } from './names.ts';

export function TrainingPlan({ employeeId }: { employeeId?: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canWrite = can(user.role, 'data.write');
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const params = { employeeId, status: status ?? undefined };
  const items = useQuery({
    queryKey: ['competencies', 'training', params],
    queryFn: () => listTrainingItems(params),
  });
  const change = useMutation({
    mutationFn: (p: { id: string; status: TrainingItemOut['status'] }) =>
      updateTrainingItem(p.id, { status: p.status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['competencies', 'training'] }),
  });
  const statusOptions = TRAINING_STATUSES.map((s) => ({
    value: s,
    label: t(`competencies.training.status.${s}`),
  }));
  return (
    <>
      <Group mb="sm" justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label={t('competencies.training.statusLabel')}
          data={statusOptions}
          value={status}
          onChange={setStatus}
          clearable
          placeholder={t('competencies.training.anyStatus')}
          w={220}
        />
        <ListExportButtons list="training-items" params={params} />
      </Group>
      <ErrorAlert error={items.error ?? change.error} />
      {items.data && items.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={340}>
          <Table striped verticalSpacing={4} data-testid="training-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competencies.training.title')}</Table.Th>
                {!employeeId && <Table.Th>{t('competencies.training.employee')}</Table.Th>}
                <Table.Th>{t('competencies.training.due')}</Table.Th>
                <Table.Th>{t('competencies.training.statusLabel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.items.map((i) => (
                <Table.Tr key={i.id} data-testid="training-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {i.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`competencies.training.kind.${i.kind}`)}
                      {i.competency ? ` · ${nameOf(i.competency, i18n.language)}` : ''}
                    </Text>
                  </Table.Td>
                  {!employeeId && <Table.Td>{i.employee.name}</Table.Td>}
                  <Table.Td>{i.dueDate ?? '—'}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={140}
                      data={statusOptions}
                      value={i.status}
                      disabled={!canWrite}
                      aria-label={t('competencies.training.statusLabel')}
                      onChange={(v) =>
                        v && change.mutate({ id: i.id, status: v as TrainingItemOut['status'] })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.data?.items.length === 0 && <Text c="dimmed">{t('competencies.training.empty')}</Text>}
    </>
  );
}
