// API keys: list (with scopes and expiry; cards on a phone), create (the secret is shown once)
// and revoke after a confirmation.
import { Badge, Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listApiKeys, revokeApiKey, type ApiKeyOut, type CreatedApiKey } from '../../api/orgs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';
import { SecretOnceModal } from './SecretOnceModal.tsx';

const KEYS_KEY = ['api-keys'] as const;

const statusWords = {
  active: 'apiKeys.active',
  revoked: 'apiKeys.revoked',
  expired: 'access.expiry.expired',
} as const;
function statusOf(key: ApiKeyOut): keyof typeof statusWords {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: KEYS_KEY, queryFn: listApiKeys });
  const phone = useMediaQuery('(max-width: 48em)');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyOut | null>(null);

  const revoke = useMutation({
    mutationFn: (key: ApiKeyOut) => revokeApiKey(key.id),
    onSuccess: (key) => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: KEYS_KEY });
      notifications.show({
        color: 'green',
        message: t('apiKeys.revokedNotice', { name: key.name }),
      });
    },
  });
  const date = (iso: string | null) => formatDateTime(iso, i18n.language) ?? t('common.never');
  // The last day a key works, in UTC as it was chosen.
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(iso),
    );

  const status = (key: ApiKeyOut) => (
    <Badge
      color={statusOf(key) === 'active' ? 'green' : 'gray'}
      variant="light"
      style={{ minWidth: 'max-content' }}
    >
      {t(statusWords[statusOf(key)])}
    </Badge>
  );
  const revokeButton = (key: ApiKeyOut) =>
    !key.revokedAt && (
      <Button size="compact-xs" variant="light" color="red" onClick={() => setRevoking(key)}>
        {t('apiKeys.revoke')}
      </Button>
    );

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
        action={<Button onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>}
      />
      <ErrorAlert error={keys.error} />
      {phone && keys.data && keys.data.items.length > 0 && (
        <Stack gap="xs">
          {keys.data.items.map((key) => (
            <Card key={key.id} withBorder padding="xs" radius="sm" data-testid="api-key-row">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600}>
                    {key.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {key.prefix}… · {t(`roles.${key.role}`)}
                  </Text>
                </div>
                {status(key)}
              </Group>
              <Text size="xs" mt={4} data-testid="api-key-scopes">
                {key.scopes.map((s) => t(`access.scopes.${s}`)).join(', ')}
              </Text>
              <Group justify="space-between" mt={4}>
                <Text size="xs" c="dimmed" data-testid="api-key-expiry">
                  {t('access.expiry.column')}:{' '}
                  {key.expiresAt ? day(key.expiresAt) : t('access.expiry.never')}
                </Text>
                {revokeButton(key)}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {!phone && keys.data && keys.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apiKeys.name')}</Table.Th>
                <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                <Table.Th>{t('roles.label')}</Table.Th>
                <Table.Th>{t('access.scopes.label')}</Table.Th>
                <Table.Th>{t('access.expiry.column')}</Table.Th>
                <Table.Th>{t('apiKeys.createdAt')}</Table.Th>
                <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                <Table.Th>{t('apiKeys.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.items.map((key) => (
                <Table.Tr key={key.id} data-testid="api-key-row">
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {key.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`roles.${key.role}`)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0} data-testid="api-key-scopes">
                      {key.scopes.map((s) => (
                        <Text key={s} size="xs" style={{ whiteSpace: 'nowrap' }}>
                          {t(`access.scopes.${s}`)}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td data-testid="api-key-expiry">
                    {key.expiresAt ? day(key.expiresAt) : t('access.expiry.never')}
                  </Table.Td>
                  <Table.Td>{date(key.createdAt)}</Table.Td>
                  <Table.Td>{date(key.lastUsedAt)}</Table.Td>
                  <Table.Td>{status(key)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{revokeButton(key)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {keys.data?.items.length === 0 && <Text c="dimmed">{t('apiKeys.empty')}</Text>}

      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
          void queryClient.invalidateQueries({ queryKey: KEYS_KEY });
        }}
      />
      <SecretOnceModal secret={created?.secret ?? null} onClose={() => setCreated(null)} />
      <Modal
        opened={revoking !== null}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        title={t('apiKeys.revokeTitle')}
      >
        <Stack gap="sm">
          <Text>{t('apiKeys.revokeText', { name: revoking?.name ?? '' })}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking)}
            >
              {t('apiKeys.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
