// The signed-in person's sessions (issue 19): when and where each was opened and last used, the
// current one marked; any other can be ended at once, and "sign out everywhere" ends them all
// (this one too, so the app returns to the sign-in page). On a phone the rows become cards.
import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listMySessions,
  revokeMySession,
  signOutEverywhere,
  type MySession,
} from '../../api/security.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { describeUserAgent } from '../../user-agent.ts';

const SESSIONS_KEY = ['me', 'sessions'] as const;

export function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: listMySessions });
  const [confirmAll, setConfirmAll] = useState(false);
  const revoke = useMutation({
    mutationFn: (s: MySession) => revokeMySession(s.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      notifications.show({ color: 'green', message: t('access.sessions.revoked') });
    },
  });
  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    // This session ended too: start again from the sign-in page with a clean cache.
    onSuccess: () => window.location.assign('/'),
  });
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const items = sessions.data ?? [];
  const unknown = t('access.sessions.unknown');
  const agent = (s: MySession) => (s.userAgent ? describeUserAgent(s.userAgent) : unknown);

  const action = (s: MySession) =>
    s.current ? (
      <Badge color="blue" variant="light">
        {t('access.sessions.current')}
      </Badge>
    ) : (
      <Button
        size="compact-xs"
        variant="light"
        color="red"
        loading={revoke.isPending && revoke.variables?.id === s.id}
        onClick={() => revoke.mutate(s)}
        data-testid="session-revoke"
      >
        {t('access.sessions.revoke')}
      </Button>
    );

  const cards = (
    <Stack gap="xs">
      {items.map((s) => (
        <Card key={s.id} withBorder padding="xs" radius="sm" data-testid="session-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600} title={s.userAgent ?? undefined}>
              {agent(s)}
            </Text>
            <div style={{ flexShrink: 0 }}>{action(s)}</div>
          </Group>
          <Text size="xs" c="dimmed">
            {s.ip ?? unknown} · {t('access.sessions.lastSeen')}: {when(s.lastSeenAt)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('access.sessions.createdAt')}: {when(s.createdAt)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
  const table = (
    <Table striped verticalSpacing="xs" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('access.sessions.device')}</Table.Th>
          <Table.Th>{t('access.sessions.ip')}</Table.Th>
          <Table.Th>{t('access.sessions.createdAt')}</Table.Th>
          <Table.Th>{t('access.sessions.lastSeen')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((s) => (
          <Table.Tr key={s.id} data-testid="session-row">
            <Table.Td title={s.userAgent ?? undefined}>{agent(s)}</Table.Td>
            <Table.Td>{s.ip ?? unknown}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(s.createdAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(s.lastSeenAt)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{action(s)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack gap="sm" mt="xl">
      <Group justify="space-between">
        <Title order={3}>{t('access.sessions.title')}</Title>
        <Button variant="light" color="red" onClick={() => setConfirmAll(true)}>
          {t('access.sessions.signOutEverywhere')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('access.sessions.intro')}
      </Text>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      {items.length > 0 && (phone ? cards : table)}
      {sessions.isSuccess && items.length === 0 && (
        <Text c="dimmed">{t('access.sessions.empty')}</Text>
      )}
      <Modal
        opened={confirmAll}
        onClose={() => setConfirmAll(false)}
        title={t('access.sessions.signOutEverywhereTitle')}
      >
        <Stack gap="sm">
          <Text>{t('access.sessions.signOutEverywhereText')}</Text>
          <ErrorAlert error={everywhere.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmAll(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={everywhere.isPending} onClick={() => everywhere.mutate()}>
              {t('access.sessions.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
