// The organisation's people. Admins add people, change roles and disable or re-enable them;
// the server refuses to leave the organisation without an active admin (code `conflict`). They
// may reset another person's two-factor sign-in (a lost phone; issue 19).
import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, updateUser, type UserOut } from '../../api/orgs.ts';
import { resetTwoFactorOf } from '../../api/security.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { can, ROLES, type Role } from '../../permissions.ts';
import { useSession } from '../../session.tsx';
import { AddPersonModal } from './AddPersonModal.tsx';

const USERS_KEY = ['users'] as const;

export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => listUsers() });
  const manage = can(me.role, 'users.manage');
  const phone = useMediaQuery('(max-width: 48em)');

  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { role?: Role; disabled?: boolean } }) =>
      updateUser(id, patch),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({ color: 'green', message: t('people.updated', { name: saved.name }) });
    },
  });

  const [resetting, setResetting] = useState<UserOut | null>(null);
  const reset = useMutation({
    mutationFn: (person: UserOut) => resetTwoFactorOf(person.id).then(() => person),
    onSuccess: (person) => {
      setResetting(null);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifications.show({
        color: 'green',
        message: t('access.twoFactorReset.done', { name: person.name }),
      });
    },
  });

  // The parts of one person's line, laid out as a table row or, on a phone, as a card.
  const parts = (person: UserOut) => ({
    name: (
      <>
        <Text size="sm" fw={500}>
          {person.name}
        </Text>
        {person.id === me.id && (
          <Text size="xs" c="dimmed">
            {t('people.you')}
          </Text>
        )}
      </>
    ),
    role: manage ? (
      <NativeSelect
        size="xs"
        miw={150}
        aria-label={`${t('roles.label')}: ${person.name}`}
        value={person.role}
        disabled={update.isPending}
        onChange={(e) =>
          update.mutate({ id: person.id, patch: { role: e.currentTarget.value as Role } })
        }
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
    ) : (
      t(`roles.${person.role}`)
    ),
    status: (
      <Badge color={person.disabled ? 'gray' : 'green'} variant="light">
        {t(person.disabled ? 'people.disabled' : 'people.active')}
      </Badge>
    ),
    lastLogin: formatDateTime(person.lastLoginAt, i18n.language) ?? t('common.never'),
    actions: manage && (
      <Group gap={6} wrap="wrap">
        <Button
          size="compact-xs"
          variant="light"
          color={person.disabled ? 'green' : 'red'}
          disabled={update.isPending}
          onClick={() => update.mutate({ id: person.id, patch: { disabled: !person.disabled } })}
        >
          {t(person.disabled ? 'people.enable' : 'people.disable')}
        </Button>
        {person.twoFactor && person.id !== me.id && (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            onClick={() => setResetting(person)}
          >
            {t('access.twoFactorReset.action')}
          </Button>
        )}
      </Group>
    ),
  });

  const row = (person: UserOut) => {
    const p = parts(person);
    return (
      <Table.Tr key={person.id} data-testid="person-row">
        <Table.Td>{p.name}</Table.Td>
        <Table.Td>{person.email}</Table.Td>
        <Table.Td>{p.role}</Table.Td>
        <Table.Td>{p.status}</Table.Td>
        <Table.Td>{p.lastLogin}</Table.Td>
        {manage && <Table.Td>{p.actions}</Table.Td>}
      </Table.Tr>
    );
  };

  // On a phone the table would scroll sideways and hide the actions: one card per person.
  const card = (person: UserOut) => {
    const p = parts(person);
    return (
      <Card key={person.id} withBorder padding="xs" radius="sm" data-testid="person-row">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>{p.name}</div>
          {p.status}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {person.email} · {t('people.lastLogin')}: {p.lastLogin}
        </Text>
        <Group gap="xs" mt={6} wrap="wrap">
          {p.role}
          {p.actions}
        </Group>
      </Card>
    );
  };

  return (
    <>
      <PageHeader
        title={t('people.title')}
        action={manage && <Button onClick={() => setAdding(true)}>{t('people.add')}</Button>}
      />
      <ErrorAlert error={users.error ?? update.error} />
      {users.data && phone && <Stack gap="xs">{users.data.items.map(card)}</Stack>}
      {users.data && !phone && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.name')}</Table.Th>
                <Table.Th>{t('people.email')}</Table.Th>
                <Table.Th>{t('roles.label')}</Table.Th>
                <Table.Th>{t('people.status')}</Table.Th>
                <Table.Th>{t('people.lastLogin')}</Table.Th>
                {manage && <Table.Th>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{users.data.items.map(row)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.data?.items.length === 0 && <Text c="dimmed">{t('people.empty')}</Text>}
      <Modal
        opened={resetting !== null}
        onClose={() => {
          reset.reset();
          setResetting(null);
        }}
        title={t('access.twoFactorReset.title')}
      >
        <Stack gap="sm">
          <Text>{t('access.twoFactorReset.text', { name: resetting?.name ?? '' })}</Text>
          <ErrorAlert error={reset.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResetting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={reset.isPending}
              onClick={() => resetting && reset.mutate(resetting)}
            >
              {t('access.twoFactorReset.action')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <AddPersonModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(person) => {
          setAdding(false);
          void queryClient.invalidateQueries({ queryKey: USERS_KEY });
          notifications.show({ color: 'green', message: t('people.added', { name: person.name }) });
        }}
      />
    </>
  );
}
