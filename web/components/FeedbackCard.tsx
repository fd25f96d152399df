// One feedback record in a list: score, channel, stage, when, the text (linking to the record),
// the client and whether a case took it up.
import { Badge, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackOut } from '../api/feedback.ts';
import { formatDateTime } from '../format.ts';
import { AnchorLink } from './AnchorLink.tsx';
import { ClientLink } from './ClientLink.tsx';
import { ScoreBadge } from './ScoreBadge.tsx';
import { useStageLabel } from './useStageLabel.ts';
import { SentimentBadge, TopicChips } from '../pages/text/SentimentBadges.tsx';

export function FeedbackCard({
  item,
  showClient = true,
}: {
  item: FeedbackOut;
  showClient?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stageLabel = useStageLabel();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="feedback-card">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <ScoreBadge score={item.score} />
          <SentimentBadge sentiment={item.sentiment} />
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t(`feedback.channels.${item.channel}`)}
          </Badge>
          {item.stage && (
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {stageLabel(item.stage)}
            </Badge>
          )}
          {item.caseId && (
            <Badge variant="light" color="violet" style={{ textTransform: 'none' }}>
              {t('feedback.hasCaseBadge')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={item.receivedAt}>
          {formatDateTime(item.receivedAt, i18n.language)}
        </Text>
      </Group>
      <AnchorLink to={`/feedback/${item.id}`} size="sm" mt={6} lineClamp={3}>
        {item.text ?? t('feedback.noText')}
      </AnchorLink>
      <TopicChips topics={item.topics} />
      {showClient && <ClientLink clientId={item.clientId} size="xs" />}
    </Card>
  );
}
