// A contact's preferences: how and when they like to be reached, and free-text notes on them.
// Empty fields are sent as null, so clearing a field clears it on the server too.
import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PREFERRED_CHANNELS,
  updateContact,
  type ContactOut,
  type PreferredChannel,
} from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';

function PreferencesForm({
  contact,
  onClose,
  onSaved,
}: {
  contact: ContactOut;
  onClose: () => void;
  onSaved: (c: ContactOut) => void;
}) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<PreferredChannel | ''>(contact.preferredChannel ?? '');
  const [time, setTime] = useState(contact.preferredTime ?? '');
  const [preferences, setPreferences] = useState(contact.preferences ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateContact(contact.id, {
        preferredChannel: channel || null,
        preferredTime: time.trim() || null,
        preferences: preferences.trim() || null,
      }),
    onSuccess: onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const fieldError = (field: string) =>
    isInvalidField(save.error, field) ? t('common.checkField') : undefined;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <NativeSelect
          name="preferredChannel"
          label={t('clients.contacts.preferredChannel')}
          value={channel}
          error={fieldError('preferredChannel')}
          onChange={(e) => setChannel(e.currentTarget.value as PreferredChannel | '')}
          data={[
            { value: '', label: t('clients.contacts.anyChannel') },
            ...PREFERRED_CHANNELS.map((c) => ({ value: c, label: t(`care.card.channels.${c}`) })),
          ]}
        />
        <TextInput
          name="preferredTime"
          label={t('clients.contacts.preferredTime')}
          placeholder={t('clients.contacts.preferredTimeHint')}
          maxLength={200}
          value={time}
          error={fieldError('preferredTime')}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
        <Textarea
          name="preferences"
          label={t('care.card.preferences')}
          autosize
          minRows={3}
          maxLength={4000}
          value={preferences}
          error={fieldError('preferences')}
          onChange={(e) => setPreferences(e.currentTarget.value)}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('care.card.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Open with a contact; the form starts afresh from that contact each time. */
export function ContactPreferencesModal({
  contact,
  onClose,
  onSaved,
}: {
  contact: ContactOut | null;
  onClose: () => void;
  onSaved: (c: ContactOut) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={contact !== null}
      onClose={onClose}
      title={contact ? t('clients.contacts.preferencesTitle', { name: contact.name }) : ''}
    >
      {contact && (
        <PreferencesForm key={contact.id} contact={contact} onClose={onClose} onSaved={onSaved} />
      )}
    </Modal>
  );
}
