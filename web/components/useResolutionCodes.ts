// The organisation's resolution codes (issue 21) in the reader's language: the active ones to
// choose from, and any code's name for a case's key (a retired code keeps its name). A key is
// never shown: one without a code yet reads as "—".
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listResolutionCodes, type ResolutionCodeOut } from '../api/cases.ts';

export const RESOLUTION_CODES_KEY = ['resolution-codes'] as const;

export function codeLabel(code: Pick<ResolutionCodeOut, 'nameRu' | 'nameEn'>, language: string) {
  return language === 'en' ? code.nameEn : code.nameRu;
}

export function useResolutionCodes() {
  const { i18n } = useTranslation();
  const codes = useQuery({
    queryKey: RESOLUTION_CODES_KEY,
    queryFn: listResolutionCodes,
    staleTime: 60_000,
  });
  const all = codes.data?.items ?? [];
  const byKey = new Map(all.map((c) => [c.key, c]));
  return {
    loaded: codes.isSuccess,
    error: codes.error,
    all,
    active: all.filter((c) => !c.retired),
    options: all
      .filter((c) => !c.retired)
      .map((c) => ({ value: c.key, label: codeLabel(c, i18n.language) })),
    nameOf: (key: string | null | undefined): string | undefined => {
      const code = key ? byKey.get(key) : undefined;
      return code ? codeLabel(code, i18n.language) : undefined;
    },
  };
}
