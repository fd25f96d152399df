import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createUser, type UserOut } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';
import { currentLanguage, LANGUAGES, type Language } from '../../i18n.ts';
import { ROLES, type Role } from '../../permissions.ts';

const EMPTY = {
  email: '',
  name: '',
  password: '',
  role: 'viewer' as Role,
  language: 'ru' as Language,
};

export function AddPersonModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: (person: UserOut) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ ...EMPTY, language: currentLanguage() });
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (person) => {
      setForm({ ...EMPTY, language: currentLanguage() });
      onAdded(person);
    },
  });
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  const error = (key: string) =>
    isInvalidField(create.error, key) ? t('common.checkField') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ ...form, email: form.email.trim() });
  }

  function close() {
    create.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('people.addTitle')} size="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('people.email')}
            type="email"
            name="email"
            required
            value={form.email}
            onChange={set('email')}
            error={error('email')}
            data-autofocus
          />
          <TextInput
            label={t('people.name')}
            name="name"
            required
            maxLength={200}
            value={form.name}
            onChange={set('name')}
            error={error('name')}
          />
          <PasswordInput
            label={t('people.password')}
            description={t('people.passwordHint')}
            name="password"
            required
            minLength={8}
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={error('password')}
          />
          <NativeSelect
            label={t('roles.label')}
            name="role"
            value={form.role}
            onChange={set('role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <NativeSelect
            label={t('people.language')}
            name="language"
            value={form.language}
            onChange={set('language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('people.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
