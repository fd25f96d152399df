// eNPS pulses (issue 15): the list, a "new pulse" dialog and the selected pulse's team links and
// results per team and period. Answers are anonymous; the page never shows an individual one.
import { Badge, Button, Table, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listPulses, setPulseStatus } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { NewPulseModal, PULSES_KEY } from './NewPulseModal.tsx';
import { PulseResults } from './PulseResults.tsx';

export function PulsesPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const canManage = can(user.role, 'org.manage');
  const queryClient = useQueryClient();
  const pulses = useQuery({ queryKey: PULSES_KEY, queryFn: listPulses });
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = pulses.data?.items.find((p) => p.id === selectedId) ?? pulses.data?.items[0];
  const toggle = useMutation({
    mutationFn: (p: { id: string; status: 'open' | 'closed' }) => setPulseStatus(p.id, p.status),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PULSES_KEY }),
  });

  return (
    <>
      <PageHeader
        title={t('pulse.title')}
        intro={t('pulse.intro')}
        action={canManage && <Button onClick={() => setCreating(true)}>{t('pulse.create')}</Button>}
      />
      <ErrorAlert error={pulses.error ?? toggle.error} />
      {notice && (
        <Text c="teal.8" mb="sm" data-testid="pulse-notice">
          {notice}
        </Text>
      )}
      {pulses.data && pulses.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={340}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('pulse.name')}</Table.Th>
                <Table.Th>{t('pulse.invited')}</Table.Th>
                <Table.Th>{t('pulse.statusLabel')}</Table.Th>
                <Table.Th>{t('pulse.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pulses.data.items.map((p) => (
                <Table.Tr key={p.id} data-testid="pulse-row">
                  <Table.Td>
                    <UnstyledButton onClick={() => setSelectedId(p.id)} fw={500} c="blue.8">
                      {p.kind === 'early_tenure' ? t('pulse.earlyTenure') : p.name}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>
                    {p.teams.reduce((n, x) => n + x.answered, 0)} /{' '}
                    {p.teams.reduce((n, x) => n + x.invited, 0)}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={p.status === 'open' ? 'teal' : 'gray'}
                      variant="light"
                      style={canManage ? { cursor: 'pointer' } : undefined}
                      onClick={() =>
                        canManage &&
                        toggle.mutate({ id: p.id, status: p.status === 'open' ? 'closed' : 'open' })
                      }
                    >
                      {t(`pulse.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(p.createdAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pulses.data?.items.length === 0 && <Text c="dimmed">{t('pulse.empty')}</Text>}
      {selected && <PulseResults pulse={selected} />}
      <NewPulseModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          setSelectedId(p.id);
          setNotice(t('pulse.created', { queued: p.queued, withoutEmail: p.withoutEmail }));
        }}
      />
    </>
  );
}
