// The feedback list opened from a dashboard bar (issue 21): what the chart counted — score type,
// stage, segment, channel, window — and how many records that is, with a way back to all
// feedback. The count comes from the same filters as the list (GET /api/v1/feedback/count).
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { countFeedback, type FeedbackFilter } from '../../api/feedback.ts';
import { useStageLabel } from '../../components/useStageLabel.ts';
import { useUsers } from '../../components/useUsers.ts';
import { formatDateTime } from '../../format.ts';

/** The URL parameters a drill-down sets; the list's own filters are left as they are. */
export const DRILL_PARAMS = [
  'scoreType',
  'scoreMax',
  'segment',
  'managerId',
  'clientId',
  'noStage',
  'noSegment',
  'fromAt',
  'toAt',
];

export const isDrill = (params: Record<string, string>) =>
  DRILL_PARAMS.some((p) => params[p] !== undefined && params[p] !== '');

export function DrillBanner({
  filter,
  onClear,
}: {
  filter: Omit<FeedbackFilter, 'cursor' | 'limit'>;
  onClear: () => void;
}) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  const users = useUsers();
  const count = useQuery({
    queryKey: ['feedback', 'count', filter],
    queryFn: () => countFeedback(filter),
  });
  const chips = [
    filter.scoreType &&
      t('feedback.drill.scoreType', { type: t(`dashboard.metrics.${filter.scoreType}`) }),
    filter.scoreMax !== undefined && t('feedback.drill.scoreMax', { max: filter.scoreMax }),
    filter.stage && t('feedback.drill.stage', { stage: stageLabel(filter.stage) }),
    filter.noStage && t('feedback.drill.noStage'),
    filter.segment && t('feedback.drill.segment', { segment: filter.segment }),
    filter.noSegment && t('feedback.drill.noSegment'),
    filter.managerId &&
      t('feedback.drill.manager', {
        name: users.find((u) => u.id === filter.managerId)?.name ?? '…',
      }),
    filter.clientId && t('feedback.drill.client'),
    filter.channel &&
      t('feedback.drill.channel', { channel: t(`feedback.channels.${filter.channel}`) }),
    filter.from &&
      filter.to &&
      t('feedback.drill.period', {
        from: formatDateTime(filter.from, i18n.language),
        to: formatDateTime(filter.to, i18n.language),
      }),
  ].filter(Boolean) as string[];
  return (
    <Alert color="indigo" variant="light" mb="md" data-testid="drill-banner">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          <Text fw={600} size="sm" data-testid="drill-count">
            {t('feedback.drill.title', { count: count.data?.count ?? 0 })}
          </Text>
          <Group gap={6} mt={4} wrap="wrap">
            {chips.map((c) => (
              <Badge key={c} variant="outline" tt="none">
                {c}
              </Badge>
            ))}
          </Group>
        </div>
        <Button size="xs" variant="subtle" onClick={onClear}>
          {t('feedback.drill.clear')}
        </Button>
      </Group>
    </Alert>
  );
}
