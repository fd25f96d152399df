// Adding a contact person to a client: name, e-mail, phone, language and roles.
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_ROLES,
  createContact,
  type ContactOut,
  type ContactRole,
} from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';

export function AddContactModal({
  clientId,
  opened,
  onClose,
  onAdded,
}: {
  clientId: string;
  opened: boolean;
  onClose: () => void;
  onAdded: (c: ContactOut) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState<'ru' | 'en'>('ru');
  const [roles, setRoles] = useState<ContactRole[]>([]);
  const add = useMutation({
    mutationFn: () =>
      createContact(clientId, {
        name: name.trim(),
        email: email.trim() || undefined,
        phone: phone.trim() || undefined,
        language,
        roles,
      }),
    onSuccess: (contact) => {
      setName('');
      setEmail('');
      setPhone('');
      setRoles([]);
      onAdded(contact);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const fieldError = (field: string) =>
    isInvalidField(add.error, field) ? t('common.checkField') : undefined;
  const close = () => {
    add.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('clients.contacts.addTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            name="name"
            label={t('clients.contacts.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <TextInput
            name="email"
            type="email"
            label={t('clients.contacts.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError('email')}
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('clients.contacts.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError('phone')}
          />
          <NativeSelect
            name="language"
            label={t('clients.contacts.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as 'ru' | 'en')}
            data={[
              { value: 'ru', label: t('lang.ru') },
              { value: 'en', label: t('lang.en') },
            ]}
          />
          <Checkbox.Group
            label={t('clients.contacts.roles')}
            value={roles}
            onChange={(v) => setRoles(v as ContactRole[])}
          >
            <Stack gap={6} mt={6}>
              {CONTACT_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`clients.roles.${role}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!name.trim()}>
              {t('clients.contacts.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
