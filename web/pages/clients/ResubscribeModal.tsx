// Puts an unsubscribed contact back on client notifications. Only at the contact's own request:
// the dialog says so, and the server records who did it in the audit log.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { resubscribeContact, type ContactOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function ResubscribeModal({
  contact,
  onClose,
  onDone,
}: {
  contact: ContactOut | null;
  onClose: () => void;
  onDone: (c: ContactOut) => void;
}) {
  const { t } = useTranslation();
  const save = useMutation({
    mutationFn: () => resubscribeContact(contact!.id),
    onSuccess: onDone,
  });
  return (
    <Modal
      opened={contact !== null}
      onClose={onClose}
      title={t('clients.contacts.resubscribeTitle', { name: contact?.name ?? '' })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('clients.contacts.resubscribeText')}</Text>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            {t('clients.contacts.resubscribe')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
