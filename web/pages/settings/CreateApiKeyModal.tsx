import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createApiKey, type CreatedApiKey } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';
import { ROLES, type Role } from '../../permissions.ts';

export function CreateApiKeyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: (key) => {
      setName('');
      onCreated(key);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, role });
  }

  function close() {
    create.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('apiKeys.createTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('apiKeys.name')}
            placeholder={t('apiKeys.namePlaceholder')}
            name="name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={isInvalidField(create.error, 'name') ? t('common.checkField') : undefined}
            data-autofocus
          />
          <NativeSelect
            label={t('roles.label')}
            name="role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
