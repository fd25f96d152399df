// The organisation's economics settings as the pages use them: its word for APPN (e.g. "Средняя
// цена ночи", else the default words), its default period unit and its base currency.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getEconomicsSettings, type PeriodUnit } from '../../api/economics.ts';
import { setBaseCurrency } from './format.ts';

export function useEconomicsSettings(): { appnLabel: string; period: PeriodUnit | undefined } {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: ['economics', 'settings'],
    queryFn: getEconomicsSettings,
    staleTime: 60_000,
  });
  if (settings.data) setBaseCurrency(settings.data.baseCurrency);
  return {
    appnLabel: settings.data?.appnLabel?.trim() || t('economics.figures.appn'),
    period: settings.data?.period,
  };
}
