// A contact's data-subject rights for admins (issue 19): download everything held about the
// person (JSON or a readable page), erase the personal data after a confirmation that names what
// goes and what stays, or delete the contact.
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactOut } from '../../api/clients.ts';
import { contactExportUrl, deleteContact, eraseContact } from '../../api/privacy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export const contactLabel = (c: ContactOut, erasedName: string) =>
  c.erasedAt ? erasedName : c.name || c.email || '—';

export function ContactDataModal({
  contact,
  onClose,
  onChanged,
}: {
  contact: ContactOut | null;
  onClose: () => void;
  /** After an erasure or deletion: `deleted` true when the contact is gone. */
  onChanged: (deleted: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<'menu' | 'erase' | 'delete'>('menu');
  const erase = useMutation({
    mutationFn: () => eraseContact(contact!.id),
    onSuccess: () => onChanged(false),
  });
  const remove = useMutation({
    mutationFn: () => deleteContact(contact!.id),
    onSuccess: () => onChanged(true),
  });
  const close = () => {
    setStep('menu');
    erase.reset();
    remove.reset();
    onClose();
  };
  const name = contact ? contactLabel(contact, t('privacy.erasedName')) : '';
  const who = contact && !contact.erasedAt ? [contact.name, contact.email, contact.phone] : [];
  return (
    <Modal
      opened={contact !== null}
      onClose={close}
      title={t(step === 'erase' ? 'privacy.eraseTitle' : 'privacy.title', { name })}
    >
      {contact && step === 'menu' && (
        <Stack gap="sm">
          <Text size="sm">{t('privacy.exportHint')}</Text>
          <Group gap="xs">
            <Button
              component="a"
              variant="light"
              href={contactExportUrl(contact.id, 'json', i18n.language)}
              download
            >
              {t('privacy.exportJson')}
            </Button>
            <Button
              component="a"
              variant="light"
              href={contactExportUrl(contact.id, 'html', i18n.language)}
              download
            >
              {t('privacy.exportHtml')}
            </Button>
          </Group>
          <Group gap="xs" mt="sm">
            {!contact.erasedAt && (
              <Button color="red" variant="outline" onClick={() => setStep('erase')}>
                {t('privacy.erase')}
              </Button>
            )}
            <Button color="red" variant="subtle" onClick={() => setStep('delete')}>
              {t('privacy.deleteContact')}
            </Button>
          </Group>
        </Stack>
      )}
      {contact && step === 'erase' && (
        <Stack gap="sm">
          <Alert color="red" variant="light" title={t('privacy.eraseWhat')}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {who.filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm" mt={4}>
              {t('privacy.eraseItems')}
            </Text>
          </Alert>
          <Text size="sm">{t('privacy.eraseKept')}</Text>
          <ErrorAlert error={erase.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setStep('menu')}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
              {t('privacy.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
      {contact && step === 'delete' && (
        <Stack gap="sm">
          <Text size="sm">{t('privacy.deleteContactText')}</Text>
          <List size="sm">
            <List.Item>{name}</List.Item>
          </List>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="xs">
            <Anchor component="button" size="sm" onClick={() => setStep('menu')}>
              {t('common.cancel')}
            </Anchor>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('privacy.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
