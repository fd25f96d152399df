// Outbound messages (acknowledgements, closing letters, …) with their delivery state.
import { Badge, Card, Group, Spoiler, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageOut } from '../api/messaging.ts';
import { formatDateTime } from '../format.ts';
import { messageFailureReason } from './message-reason.ts';

const STATE_COLOR: Record<MessageOut['status'], string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  not_sent: 'gray',
};

export function MessageCard({ message }: { message: MessageOut }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="message-card">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t(`templates.kinds.${message.kind}`)}
          </Badge>
          <Badge
            color={STATE_COLOR[message.status]}
            variant="light"
            style={{ textTransform: 'none' }}
          >
            {t(`templates.messageStatus.${message.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(message.sentAt ?? message.createdAt, i18n.language)}
        </Text>
      </Group>
      <Text size="sm" fw={600} mt={6} style={{ overflowWrap: 'anywhere' }}>
        {message.subject}
      </Text>
      <Text size="xs" c="dimmed">
        {t('templates.to', { to: message.to })}
      </Text>
      {messageFailureReason(message, t) && (
        <Text size="xs" c="red" data-testid="message-reason" style={{ overflowWrap: 'anywhere' }}>
          {messageFailureReason(message, t)}
        </Text>
      )}
      <Spoiler
        maxHeight={60}
        showLabel={t('templates.showMore')}
        hideLabel={t('templates.showLess')}
      >
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      </Spoiler>
    </Card>
  );
}

export function MessageList({ messages }: { messages: MessageOut[] }) {
  const { t } = useTranslation();
  if (messages.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('templates.noMessages')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {messages.map((m) => (
        <MessageCard key={m.id} message={m} />
      ))}
    </Stack>
  );
}
