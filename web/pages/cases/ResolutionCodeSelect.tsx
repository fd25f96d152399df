// The resolution code picker (issue 21): the organisation's active codes in the reader's
// language. A native select, so it works the same with a mouse, a keyboard and on a phone.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResolutionCodes } from '../../components/useResolutionCodes.ts';

export function ResolutionCodeSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const codes = useResolutionCodes();
  if (codes.loaded && codes.options.length === 0) return null;
  return (
    <NativeSelect
      name="resolutionCode"
      label={t('closing.codeLabel')}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[{ value: '', label: t('closing.choose'), disabled: true }, ...codes.options]}
    />
  );
}

/** True when a resolution may be sent: a code chosen, or the organisation has no active code. */
export function useCodeChosen(value: string): boolean {
  const codes = useResolutionCodes();
  return codes.loaded && (value !== '' || codes.options.length === 0);
}
