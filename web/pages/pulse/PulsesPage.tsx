// eNPS pulses (issue 15): the list, a "new pulse" dialog and the selected pulse's team links and
// results per team and period. Answers are anonymous; the page never shows an individual one.
import { Badge, Button, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
import type { PulseOut } from '../../api/pulse.ts';

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
  const phone = useMediaQuery('(max-width: 48em)');
  const toggle = useMutation({
    mutationFn: (p: { id: string; status: 'open' | 'closed' }) => setPulseStatus(p.id, p.status),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PULSES_KEY }),
  });

  const statusBadge = (p: PulseOut) => (
    <Badge
      color={p.status === 'open' ? 'teal' : 'gray'}
      variant="light"
      // The whole word, never "ИД…": a badge keeps its width.
      style={{ flexShrink: 0, overflow: 'visible', ...(canManage ? { cursor: 'pointer' } : {}) }}
      onClick={() =>
        canManage && toggle.mutate({ id: p.id, status: p.status === 'open' ? 'closed' : 'open' })
      }
    >
      {t(`pulse.status.${p.status}`)}
    </Badge>
  );

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
      {pulses.data && pulses.data.items.length > 0 && phone && (
        // On a phone each pulse is a card: the status and the date never scroll out of sight.
        <Stack gap="xs">
          {pulses.data.items.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="pulse-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <PulseName pulse={p} onSelect={setSelectedId} />
                {statusBadge(p)}
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {t('pulse.invited')}: {answeredOf(p)} · {formatDateTime(p.createdAt, i18n.language)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {pulses.data && pulses.data.items.length > 0 && !phone && (
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
                  <PulseName pulse={p} onSelect={setSelectedId} />
                </Table.Td>
                <Table.Td>{answeredOf(p)}</Table.Td>
                <Table.Td>{statusBadge(p)}</Table.Td>
                <Table.Td>{formatDateTime(p.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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

const answeredOf = (p: PulseOut) =>
  `${p.teams.reduce((n, x) => n + x.answered, 0)} / ${p.teams.reduce((n, x) => n + x.invited, 0)}`;

function PulseName({ pulse, onSelect }: { pulse: PulseOut; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={() => onSelect(pulse.id)} fw={500} c="blue.8">
      {pulse.kind === 'early_tenure' ? t('pulse.earlyTenure') : pulse.name}
    </UnstyledButton>
  );
}
