// SLA policies: how long a first response and a resolution may take (in business minutes), in
// which time zone and working hours, with holidays; one policy is the default.
import { Badge, Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteSlaPolicy, listSlaPolicies, type SlaPolicy } from '../../api/cases.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { SlaPolicyModal } from '../../components/settings/SlaPolicyModal.tsx';

const SLA_KEY = ['sla-policies'] as const;

export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const manage = can(user.role, 'org.manage');
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: SLA_KEY, queryFn: listSlaPolicies });
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: SLA_KEY });
  const remove = useMutation({
    mutationFn: (id: string) => deleteSlaPolicy(id),
    onSuccess: refresh,
  });
  const duration = (minutes: number) =>
    minutes % 60 === 0
      ? t('sla.hoursValue', { count: minutes / 60 })
      : t('sla.minutesValue', { count: minutes });

  return (
    <>
      <PageHeader
        title={t('sla.title')}
        intro={t('sla.intro')}
        action={manage && <Button onClick={() => setEditing('new')}>{t('sla.create')}</Button>}
      />
      <ErrorAlert error={policies.error ?? remove.error} />
      {policies.data && policies.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sla.name')}</Table.Th>
                <Table.Th>{t('sla.priority')}</Table.Th>
                <Table.Th>{t('sla.firstResponseShort')}</Table.Th>
                <Table.Th>{t('sla.resolutionShort')}</Table.Th>
                <Table.Th>{t('sla.timeZone')}</Table.Th>
                <Table.Th>{t('sla.hours')}</Table.Th>
                {manage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data.items.map((p) => (
                <Table.Tr key={p.id} data-testid="sla-row">
                  <Table.Td>
                    {p.name}{' '}
                    {p.isDefault && (
                      <Badge size="sm" variant="light" style={{ textTransform: 'none' }}>
                        {t('sla.default')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.priority ? t(`cases.priority.${p.priority}`) : t('sla.anyPriority')}
                  </Table.Td>
                  <Table.Td>{duration(p.firstResponseMinutes)}</Table.Td>
                  <Table.Td>{duration(p.resolutionMinutes)}</Table.Td>
                  <Table.Td>{p.timeZone}</Table.Td>
                  <Table.Td>
                    {p.businessHours
                      ? t('sla.businessHoursSet', { days: Object.keys(p.businessHours).length })
                      : t('sla.allDay')}
                    {p.holidays.length > 0 &&
                      ` · ${t('sla.holidaysCount', { count: p.holidays.length })}`}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button.Group>
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(p)}>
                          {t('sla.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          loading={remove.isPending && remove.variables === p.id}
                          onClick={() => {
                            if (window.confirm(t('sla.deleteConfirm', { name: p.name })))
                              remove.mutate(p.id);
                          }}
                        >
                          {t('sla.delete')}
                        </Button>
                      </Button.Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {policies.data?.items.length === 0 && <Text c="dimmed">{t('sla.empty')}</Text>}
      {editing && (
        <SlaPolicyModal
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
            notifications.show({ color: 'green', message: t('common.saved') });
          }}
        />
      )}
    </>
  );
}
