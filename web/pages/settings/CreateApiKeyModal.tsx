// A new API key: name, role, the scopes it may use (only those its role allows; all of them by
// default) and an optional last day (issue 19). The secret is shown once by the caller.
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, roleAllowsScope, type ApiScope } from '../../../shared/domain/api-scopes.ts';
import { createApiKey, type CreatedApiKey } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';
import { ROLES, type Role } from '../../permissions.ts';

const allowed = (role: Role) => API_SCOPES.filter((s) => roleAllowsScope(role, s));

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
  const [scopes, setScopes] = useState<ApiScope[]>(allowed('manager'));
  const [expires, setExpires] = useState('');
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: (key) => {
      setName('');
      setExpires('');
      onCreated(key);
    },
  });

  function changeRole(next: Role) {
    setRole(next);
    setScopes(allowed(next));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name,
      role,
      scopes,
      // The key works through the whole chosen day, UTC.
      expiresAt: expires ? `${expires}T23:59:59Z` : null,
    });
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
            onChange={(e) => changeRole(e.currentTarget.value as Role)}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Checkbox.Group
            label={t('access.scopes.label')}
            description={t('access.scopes.hint')}
            value={scopes}
            onChange={(v) => setScopes(v as ApiScope[])}
            error={isInvalidField(create.error, 'scopes') ? t('common.checkField') : undefined}
          >
            <Stack gap={6} mt={6}>
              {API_SCOPES.map((s) => (
                <Checkbox
                  key={s}
                  value={s}
                  name={`scope-${s}`}
                  label={t(`access.scopes.${s}`)}
                  disabled={!roleAllowsScope(role, s)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('access.expiry.label')}
            description={t('access.expiry.hint')}
            name="expires"
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
            error={isInvalidField(create.error, 'expiresAt') ? t('common.checkField') : undefined}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={scopes.length === 0}>
              {t('apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
