// Inviting contacts: find a client, tick its contacts (or paste contact ids from elsewhere), and
// optionally send the invitation by e-mail. The server creates one personal link per contact.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createInvites, listContacts, searchClients } from '../../api/surveys.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function InvitePanel({ surveyId, onInvited }: { surveyId: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 300);
  const [clientId, setClientId] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [pasted, setPasted] = useState('');
  const [send, setSend] = useState(true);
  const clients = useQuery({
    queryKey: ['clients', 'search', query],
    queryFn: () => searchClients(query),
  });
  const contacts = useQuery({
    queryKey: ['clients', clientId, 'contacts'],
    queryFn: () => listContacts(clientId),
    enabled: clientId !== '',
  });

  const pastedIds = pasted.match(UUID) ?? [];
  const contactIds = [...new Set([...picked, ...pastedIds.map((id) => id.toLowerCase())])];
  const invite = useMutation({
    mutationFn: () => createInvites(surveyId, { contactIds, send }),
    onSuccess: (result) => {
      setPicked([]);
      setPasted('');
      onInvited();
      notifications.show({
        color: 'green',
        message: t('surveys.invites.created', {
          count: result.items.length,
          queued: result.queued,
        }),
      });
    },
  });

  const togglePicked = (id: string, on: boolean) =>
    setPicked((now) => (on ? [...now, id] : now.filter((x) => x !== id)));

  return (
    <Stack gap="xs">
      <TextInput
        label={t('surveys.invites.findClient')}
        placeholder={t('surveys.invites.findClientPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        name="client-search"
      />
      <NativeSelect
        aria-label={t('surveys.invites.client')}
        name="client"
        value={clientId}
        onChange={(e) => setClientId(e.currentTarget.value)}
        data={[
          { value: '', label: t('surveys.invites.chooseClient') },
          ...(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <ErrorAlert error={clients.error ?? contacts.error} />
      {contacts.data && contacts.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('surveys.invites.noContacts')}
        </Text>
      )}
      {contacts.data?.items.map((c) => (
        <Checkbox
          key={c.id}
          checked={picked.includes(c.id)}
          onChange={(e) => togglePicked(c.id, e.currentTarget.checked)}
          label={c.email ? `${c.name} · ${c.email}` : `${c.name} · ${t('surveys.invites.noEmail')}`}
          data-testid="contact-option"
        />
      ))}
      <Textarea
        label={t('surveys.invites.pasteIds')}
        description={t('surveys.invites.pasteIdsHint')}
        autosize
        minRows={2}
        maxRows={6}
        value={pasted}
        onChange={(e) => setPasted(e.currentTarget.value)}
        name="contact-ids"
      />
      <Checkbox
        label={t('surveys.invites.sendByEmail')}
        checked={send}
        onChange={(e) => setSend(e.currentTarget.checked)}
        name="send"
      />
      <ErrorAlert error={invite.error} />
      <Group>
        <Button
          disabled={contactIds.length === 0 || contactIds.length > 500}
          loading={invite.isPending}
          onClick={() => invite.mutate()}
        >
          {t('surveys.invites.submit', { count: contactIds.length })}
        </Button>
      </Group>
    </Stack>
  );
}
