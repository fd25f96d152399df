// A stage key ("оплата") in words: the stage's name in the reader's language, as the Stages page
// names it; a key no stage has yet is shown as it is. Shares the Stages page's cache entry.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listStages, stageName } from '../api/stages.ts';

export function useStageLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages, staleTime: 60_000 });
  const byKey = new Map((stages.data?.items ?? []).map((s) => [s.key, s]));
  return (key) => {
    const stage = byKey.get(key);
    return stage ? stageName(stage, i18n.language) : key;
  };
}
