// The organisation's taxonomy, cached for every card on a page, and its labels in the UI language.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getTopics, TOPICS_KEY, type TopicOut } from '../../api/text.ts';

export function useTopics() {
  return useQuery({ queryKey: TOPICS_KEY, queryFn: getTopics, staleTime: 5 * 60_000 });
}

export function useTopicLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  const topics = useTopics();
  const byKey = new Map<string, TopicOut>((topics.data?.items ?? []).map((t) => [t.key, t]));
  return (key) => {
    const topic = byKey.get(key);
    if (!topic) return key;
    return i18n.language.startsWith('ru') ? topic.labelRu : topic.labelEn;
  };
}
