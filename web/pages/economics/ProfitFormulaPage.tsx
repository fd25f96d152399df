// "Формула прибыли": revenue = N × Q × APPN → margin → profit for two windows A and B side by side,
// the waterfall of what each lever contributed to the change (LMDI, from /economics/levers), and
// revenue and margin by period. Unit and windows live in the query string (shareable links).
import { Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportUrl, getLevers, getSummary, type PeriodUnit } from '../../api/economics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { windowFigures } from './formula.ts';
import { FormulaTree } from './FormulaTree.tsx';
import { LeversWaterfall } from './LeversWaterfall.tsx';
import {
  defaultWindows,
  PERIOD_UNITS,
  periodLabel,
  periodStart,
  shiftPeriods,
  windowOf,
} from './periods.ts';
import { SeriesChart } from './SeriesChart.tsx';
import { useEconomicsSettings } from './useEconomicsSettings.ts';
import { UnitPicker, WindowPicker } from './WindowPicker.tsx';

/** How many periods the series chart shows, ending with the later window. */
const SERIES_LENGTH: Record<PeriodUnit, number> = { month: 24, quarter: 12, year: 5 };

const isStartOf = (day: string | undefined, unit: PeriodUnit) =>
  Boolean(
    day && /^\d{4}-\d\d-\d\d$/.test(day) && periodStart(new Date(`${day}T00:00:00Z`), unit) === day,
  );

/** The summary of one window and of the 12 months ending with it (the LTV basis). */
function useWindowFigures(start: string, unit: PeriodUnit) {
  const w = windowOf(start, unit);
  const summary = useQuery({
    queryKey: ['economics', 'summary', w.from, w.to, unit],
    queryFn: () => getSummary({ ...w, period: unit }),
  });
  const yearFrom = shiftPeriods(w.to, 'month', -12);
  const ltvBasis = useQuery({
    queryKey: ['economics', 'summary', yearFrom, w.to, 'month'],
    queryFn: () => getSummary({ from: yearFrom, to: w.to, period: 'month' }),
  });
  return {
    figures: summary.data ? windowFigures(summary.data, ltvBasis.data) : undefined,
    error: summary.error,
  };
}

export function ProfitFormulaPage() {
  const { t, i18n } = useTranslation();
  const params = useQueryParams();
  const settings = useEconomicsSettings();
  const appnLabel = settings.appnLabel;
  const unit: PeriodUnit = PERIOD_UNITS.includes(params.unit as PeriodUnit)
    ? (params.unit as PeriodUnit)
    : (settings.period ?? 'month');
  const defaults = defaultWindows(unit);
  const a = isStartOf(params.a, unit) ? params.a! : defaults.a;
  const b = isStartOf(params.b, unit) ? params.b! : defaults.b;
  const label = (start: string) => periodLabel(start, unit, t, i18n.language);

  const wa = useWindowFigures(a, unit);
  const wb = useWindowFigures(b, unit);
  const levers = useQuery({
    queryKey: ['economics', 'levers', a, b, unit],
    queryFn: () => getLevers(windowOf(a, unit), windowOf(b, unit), unit),
  });
  const seriesTo = windowOf(a > b ? a : b, unit).to;
  const seriesFrom = shiftPeriods(seriesTo, unit, -SERIES_LENGTH[unit]);
  const series = useQuery({
    queryKey: ['economics', 'summary', seriesFrom, seriesTo, unit],
    queryFn: () => getSummary({ from: seriesFrom, to: seriesTo, period: unit }),
  });
  const wA = windowOf(a, unit);
  const wB = windowOf(b, unit);

  return (
    <Stack gap="md">
      <PageHeader title={t('economics.formula.title')} intro={t('economics.formula.intro')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <UnitPicker unit={unit} onChange={(u) => setQueryParams({ unit: u })} />
        <WindowPicker
          unit={unit}
          a={a}
          b={b}
          onChange={(w) => setQueryParams({ ...params, unit, ...w })}
        />
      </Group>
      <ErrorAlert error={wa.error ?? wb.error} />
      {(!wa.figures || !wb.figures) && !wa.error && !wb.error && <Loader size="sm" />}
      {wa.figures && wb.figures && (
        <>
          <FormulaTree a={wa.figures} b={wb.figures} appnLabel={appnLabel} />
          <Text size="xs" c="dimmed">
            {t('economics.formula.ltvNote')}
          </Text>
        </>
      )}
      <ErrorAlert error={levers.error} />
      {levers.data && (
        <LeversWaterfall
          levers={levers.data}
          aLabel={periodLabel(a, unit, t, i18n.language, true)}
          bLabel={periodLabel(b, unit, t, i18n.language, true)}
          appnLabel={appnLabel}
        />
      )}
      <ErrorAlert error={series.error} />
      {series.data && (
        <SeriesChart
          series={series.data.series}
          unit={unit}
          title={t('economics.formula.series')}
          testId="formula-series"
        />
      )}
      {wa.figures && wb.figures && (
        <Card withBorder radius="md" padding="sm">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={2} size="h5">
              {t('economics.formula.tableTitle')}
            </Title>
            <ExportButtons
              urlFor={(format) =>
                exportUrl('profit-formula', format, {
                  aFrom: wA.from,
                  aTo: wA.to,
                  bFrom: wB.from,
                  bTo: wB.to,
                  period: unit,
                  lang: i18n.language,
                })
              }
            />
          </Group>
          <FiguresTable
            a={wa.figures}
            b={wb.figures}
            aLabel={label(a)}
            bLabel={label(b)}
            appnLabel={appnLabel}
          />
        </Card>
      )}
    </Stack>
  );
}
