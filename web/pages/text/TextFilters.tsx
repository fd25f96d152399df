// Sentiment and topic filters for the feedback list (the API filters by both).
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SENTIMENTS } from '../../api/text.ts';
import { useTopicLabel, useTopics } from './useTopics.ts';

export function TextFilters({
  sentiment,
  topic,
  onChange,
}: {
  sentiment?: string;
  topic?: string;
  onChange: (patch: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const topics = useTopics();
  const label = useTopicLabel();
  return (
    <>
      <NativeSelect
        label={t('text.filters.sentiment')}
        value={sentiment ?? ''}
        onChange={(e) => onChange({ sentiment: e.currentTarget.value })}
        data={[
          { value: '', label: t('feedback.filters.any') },
          ...SENTIMENTS.map((s) => ({ value: s, label: t(`text.sentiment.${s}`) })),
        ]}
        data-testid="filter-sentiment"
      />
      <NativeSelect
        label={t('text.filters.topic')}
        value={topic ?? ''}
        onChange={(e) => onChange({ topic: e.currentTarget.value })}
        data={[
          { value: '', label: t('feedback.filters.any') },
          ...(topics.data?.items ?? []).map((x) => ({ value: x.key, label: label(x.key) })),
        ]}
        data-testid="filter-topic"
      />
    </>
  );
}
