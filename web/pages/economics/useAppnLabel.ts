// The organisation's own word for APPN (e.g. "Средняя цена ночи") or the default one.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getEconomicsSettings } from '../../api/economics.ts';

export function useAppnLabel(): string {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: ['economics', 'settings'],
    queryFn: getEconomicsSettings,
    retry: false,
    staleTime: 60_000,
  });
  return settings.data?.appnLabel?.trim() || t('economics.figures.appn');
}
