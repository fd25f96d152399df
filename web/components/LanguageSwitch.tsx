import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n.ts';

/** RU / EN switch; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation(); // re-renders on language change
  return (
    <SegmentedControl
      size="xs"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={currentLanguage()}
      onChange={(value) => void chooseLanguage(value as Language)}
      data={LANGUAGES.map((lng) => ({
        value: lng,
        label: <span title={t(`lang.${lng}`)}>{lng.toUpperCase()}</span>,
      }))}
    />
  );
}
