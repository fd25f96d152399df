// The care fields of a client card (tier, manager, status, corporate specifics) with an inline
// editor, and the requirements in effect so nobody opens a case without seeing them.
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_STATUSES, updateClientCard, type ClientStatus } from '../../api/care.ts';
import type { ClientOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Field } from '../../components/Field.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { RequirementList } from './RequirementList.tsx';

export function ClientCardOverview({ client, writable }: { client: ClientOut; writable: boolean }) {
  const { t } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    tier: '',
    managerId: '',
    status: 'active' as ClientStatus,
    corporateSpecifics: '',
  });
  const save = useMutation({
    mutationFn: () =>
      updateClientCard(client.id, {
        tier: form.tier.trim() || null,
        managerId: form.managerId || null,
        status: form.status,
        corporateSpecifics: form.corporateSpecifics.trim() || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['client', client.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      setEditing(false);
      notifications.show({ color: 'green', message: t('care.card.saved') });
    },
  });
  const managerName = client.managerId
    ? (users.find((u) => u.id === client.managerId)?.name ?? client.managerId)
    : t('care.card.noManager');
  const startEditing = () => {
    setForm({
      tier: client.tier ?? '',
      managerId: client.managerId ?? '',
      status: client.status,
      corporateSpecifics: client.corporateSpecifics ?? '',
    });
    save.reset();
    setEditing(true);
  };

  return (
    <Stack gap="md">
      {!editing && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('care.card.status')}>
              <Badge variant="light" style={{ textTransform: 'none' }}>
                {t(`care.card.statuses.${client.status}`)}
              </Badge>
            </Field>
            <Field label={t('care.card.tier')}>{client.tier ?? '—'}</Field>
            <Field label={t('care.card.manager')}>{managerName}</Field>
            <Field label={t('clients.externalId')}>{client.externalId ?? '—'}</Field>
          </SimpleGrid>
          <Field label={t('care.card.corporateSpecifics')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {client.corporateSpecifics ?? '—'}
            </Text>
          </Field>
          {writable && (
            <Group>
              <Button size="xs" variant="light" onClick={startEditing}>
                {t('care.card.edit')}
              </Button>
            </Group>
          )}
        </>
      )}
      {editing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm" maw={560}>
            <ErrorAlert error={save.error} />
            <NativeSelect
              label={t('care.card.status')}
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.currentTarget.value as ClientStatus })}
              data={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`care.card.statuses.${s}`) }))}
            />
            <TextInput
              label={t('care.card.tier')}
              value={form.tier}
              maxLength={50}
              onChange={(e) => setForm({ ...form, tier: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('care.card.manager')}
              value={form.managerId}
              onChange={(e) => setForm({ ...form, managerId: e.currentTarget.value })}
              data={[
                { value: '', label: t('care.card.noManager') },
                ...users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
            <Textarea
              label={t('care.card.corporateSpecifics')}
              autosize
              minRows={2}
              maxLength={4000}
              value={form.corporateSpecifics}
              onChange={(e) => setForm({ ...form, corporateSpecifics: e.currentTarget.value })}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('care.card.save')}
              </Button>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t('care.card.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <RequirementList clientId={client.id} onlyInEffect />
    </Stack>
  );
}
