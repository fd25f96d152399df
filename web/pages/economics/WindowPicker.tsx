// Choose the period unit (quick choices month / quarter / year) and the two windows A and B,
// one whole period each; by default the last full period (B) against the one before (A).
import { Group, NativeSelect, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodUnit } from '../../api/economics.ts';
import { PERIOD_UNITS, periodLabel, recentPeriods } from './periods.ts';

/** How many past periods each window can be chosen from. */
const CHOICES: Record<PeriodUnit, number> = { month: 36, quarter: 12, year: 5 };

export function UnitPicker({
  unit,
  onChange,
}: {
  unit: PeriodUnit;
  onChange: (unit: PeriodUnit) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('economics.unit')}
      value={unit}
      onChange={(v) => onChange(v as PeriodUnit)}
      data={PERIOD_UNITS.map((u) => ({ value: u, label: t(`economics.units.${u}`) }))}
    />
  );
}

export function WindowPicker({
  unit,
  a,
  b,
  onChange,
}: {
  unit: PeriodUnit;
  a: string;
  b: string;
  onChange: (windows: { a: string; b: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const options = recentPeriods(unit, CHOICES[unit]).map((start) => ({
    value: start,
    label: periodLabel(start, unit, t, i18n.language),
  }));
  // A window chosen by link may lie outside the list: keep it selectable.
  for (const start of [a, b])
    if (!options.some((o) => o.value === start))
      options.push({ value: start, label: periodLabel(start, unit, t, i18n.language) });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('economics.formula.windowA')}
        value={a}
        data={options}
        onChange={(e) => onChange({ a: e.currentTarget.value, b })}
        data-testid="window-a"
      />
      <NativeSelect
        label={t('economics.formula.windowB')}
        value={b}
        data={options}
        onChange={(e) => onChange({ a, b: e.currentTarget.value })}
        data-testid="window-b"
      />
    </Group>
  );
}
