// One call as a compact card: reads on a 390 px phone, unlike a wide table.
import { Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOut } from '../../api/telephony.ts';
import { ClientLink } from '../../components/ClientLink.tsx';
import { formatDateTime } from '../../format.ts';
import { useStageLabel } from '../../components/useStageLabel.ts';

export function formatSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function CallCard({ call }: { call: CallOut }) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const missed = call.direction === 'in' && !call.answered;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="call-card">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600}>{call.clientPhone ?? t('telephony.hiddenNumber')}</Text>
        <Group gap={4}>
          <Badge variant="light" color={call.direction === 'in' ? 'blue' : 'gray'}>
            {t(`telephony.direction.${call.direction}`)}
          </Badge>
          <Badge variant="light" color={missed ? 'red' : call.answered ? 'green' : 'gray'}>
            {t(
              missed
                ? 'telephony.missed'
                : call.answered
                  ? 'telephony.answered'
                  : 'telephony.notReached',
            )}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(call.startedAt, i18n.language)}
      </Text>
      <Text size="sm" mt={4}>
        {t('telephony.callLine', {
          employee: call.employee ?? '—',
          wait: formatSeconds(call.waitSeconds),
          duration: formatSeconds(call.durationSeconds),
        })}
        {call.stage ? ` · ${stageLabel(call.stage)}` : ''}
      </Text>
      {call.clientId && <ClientLink clientId={call.clientId} />}
      {missed && (
        <Text size="sm" c={call.callbackAt ? 'green' : 'red'}>
          {call.callbackAt
            ? t('telephony.calledBackAt', { time: formatDateTime(call.callbackAt, i18n.language) })
            : t('telephony.noCallback')}
        </Text>
      )}
    </Card>
  );
}
