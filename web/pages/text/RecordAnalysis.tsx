// A record's analysis beyond its badge (issue 22): each topic with its own sentiment (a text can
// praise staff and complain about delivery), and a flag when the NPS and the text disagree.
import { Alert, Badge, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getAnalysis, type AnalysisOut } from '../../api/text.ts';
import { SENTIMENT_COLOR } from './SentimentBadges.tsx';
import { useTopicLabel } from './useTopics.ts';

export function useRecordAnalysis(feedbackId: string, enabled: boolean) {
  return useQuery({
    // Under ['feedback', …]: a correction invalidates it with the record.
    queryKey: ['feedback', feedbackId, 'analysis'],
    queryFn: () => getAnalysis(feedbackId),
    enabled,
  });
}

export function DisagreementFlag({ analysis }: { analysis: AnalysisOut | undefined }) {
  const { t } = useTranslation();
  if (!analysis?.disagreement) return null;
  return (
    <Alert color="yellow" variant="light" data-testid="score-text-disagreement" p="xs">
      {t(`text.disagreement.${analysis.disagreement}`)}
    </Alert>
  );
}

/** Topic chips coloured by each topic's own sentiment, the sentiment named in words too. */
export function TopicSentiments({ analysis }: { analysis: AnalysisOut }) {
  const { t } = useTranslation();
  const label = useTopicLabel();
  return (
    <Group gap={4} data-testid="topic-sentiments" aria-label={t('text.aspects.title')}>
      {analysis.topics.map((key) => {
        const s = analysis.topicSentiments[key];
        return (
          <Badge
            key={key}
            size="sm"
            variant="light"
            color={s ? SENTIMENT_COLOR[s] : 'blue'}
            style={{ textTransform: 'none' }}
            data-sentiment={s ?? ''}
          >
            {s
              ? t('text.aspects.topicSentiment', {
                  topic: label(key),
                  sentiment: t(`text.sentiment.${s}`),
                })
              : label(key)}
          </Badge>
        );
      })}
    </Group>
  );
}
