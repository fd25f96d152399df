// Outbound webhooks: create one for chosen events (its signing secret is shown once), switch it
// on or off, delete it, and read its delivery log with "send again" for failures.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  updateWebhook,
  WEBHOOK_EVENTS,
  type CreatedWebhook,
  type WebhookEvent,
  type WebhookOut,
} from '../../api/webhooks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../format.ts';
import { WebhookDeliveries } from '../../components/settings/WebhookDeliveries.tsx';

const WEBHOOKS_KEY = ['webhooks'] as const;

function CreateWebhookModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (w: CreatedWebhook) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const create = useMutation({
    mutationFn: () => createWebhook({ url: url.trim(), events }),
    onSuccess: onCreated,
  });
  return (
    <Modal
      opened={opened}
      onClose={() => {
        create.reset();
        onClose();
      }}
      title={t('webhooks.createTitle')}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            name="url"
            type="url"
            label={t('webhooks.url')}
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <Checkbox.Group
            label={t('webhooks.events')}
            value={events}
            onChange={(v) => setEvents(v as WebhookEvent[])}
          >
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENTS.map((ev) => (
                <Checkbox
                  key={ev}
                  value={ev}
                  label={t(`webhooks.eventNames.${ev.replace('.', '_')}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="xs" c="dimmed">
            {t('webhooks.privateHint')}
          </Text>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={events.length === 0}>
              {t('webhooks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function WebhookCard({ hook }: { hook: WebhookOut }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
  const toggle = useMutation({
    mutationFn: (active: boolean) => updateWebhook(hook.id, { active }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteWebhook(hook.id), onSuccess: refresh });
  return (
    <Card withBorder radius="md" data-testid="webhook-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {hook.url}
          </Text>
          <Group gap={4} mt={4}>
            {hook.events.map((ev) => (
              <Badge key={ev} size="sm" variant="light" style={{ textTransform: 'none' }}>
                {ev}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('webhooks.meta', {
              prefix: hook.secretPrefix,
              at: formatDateTime(hook.createdAt, i18n.language),
            })}
          </Text>
        </div>
        <Switch
          checked={hook.active}
          label={t(hook.active ? 'webhooks.active' : 'webhooks.inactive')}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Group>
      <ErrorAlert error={toggle.error ?? remove.error} />
      <Group gap="xs" mt="sm">
        <Button size="compact-sm" variant="light" onClick={() => setShowLog((v) => !v)}>
          {t(showLog ? 'webhooks.hideLog' : 'webhooks.showLog')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          loading={remove.isPending}
          onClick={() => {
            if (window.confirm(t('webhooks.deleteConfirm'))) remove.mutate();
          }}
        >
          {t('webhooks.delete')}
        </Button>
      </Group>
      {showLog && (
        <div style={{ marginTop: 8 }}>
          <WebhookDeliveries webhookId={hook.id} />
        </div>
      )}
    </Card>
  );
}

export function WebhooksPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hooks = useQuery({ queryKey: WEBHOOKS_KEY, queryFn: listWebhooks });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  // Kept apart from `created` so the secret stays readable while the dialog fades out.
  const [showSecret, setShowSecret] = useState(false);

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        intro={t('webhooks.intro')}
        action={<Button onClick={() => setCreating(true)}>{t('webhooks.create')}</Button>}
      />
      <ErrorAlert error={hooks.error} />
      <Stack gap="sm">
        {hooks.data?.items.map((hook) => (
          <WebhookCard key={hook.id} hook={hook} />
        ))}
      </Stack>
      {hooks.data?.items.length === 0 && <Text c="dimmed">{t('webhooks.empty')}</Text>}
      {creating && (
        <CreateWebhookModal
          opened
          onClose={() => setCreating(false)}
          onCreated={(hook) => {
            setCreating(false);
            setCreated(hook);
            setShowSecret(true);
            void queryClient.invalidateQueries({ queryKey: WEBHOOKS_KEY });
            notifications.show({ color: 'green', message: t('webhooks.created') });
          }}
        />
      )}
      <Modal
        opened={showSecret}
        onClose={() => setShowSecret(false)}
        closeOnClickOutside={false}
        title={t('webhooks.secretTitle')}
        size="lg"
      >
        <Stack gap="sm">
          <Alert color="orange" variant="light">
            {t('webhooks.secretWarning')}
          </Alert>
          <Code
            block
            data-testid="webhook-secret"
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
          >
            {created?.secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created?.secret ?? ''}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy}>
                  {t(copied ? 'common.copied' : 'common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={() => setShowSecret(false)}>{t('webhooks.secretDone')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
