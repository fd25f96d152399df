// The analysis of one record as badges: sentiment (coloured) and topic chips with their labels.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackOut } from '../../api/feedback.ts';
import { useTopicLabel } from './useTopics.ts';

export const SENTIMENT_COLOR = { positive: 'green', neutral: 'gray', negative: 'red' } as const;

export function SentimentBadge({ sentiment }: { sentiment: FeedbackOut['sentiment'] }) {
  const { t } = useTranslation();
  if (!sentiment) return null;
  return (
    <Badge
      color={SENTIMENT_COLOR[sentiment.label]}
      variant="light"
      style={{ textTransform: 'none' }}
      data-testid="sentiment-badge"
      title={sentiment.score.toFixed(2)}
    >
      {t(`text.sentiment.${sentiment.label}`)}
    </Badge>
  );
}

export function TopicChips({ topics }: { topics: string[] }) {
  const label = useTopicLabel();
  if (topics.length === 0) return null;
  return (
    <Group gap={4} data-testid="topic-chips">
      {topics.map((key) => (
        <Badge key={key} size="sm" variant="dot" color="blue" style={{ textTransform: 'none' }}>
          {label(key)}
        </Badge>
      ))}
    </Group>
  );
}
