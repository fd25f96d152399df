// "Что даёт лояльность": revenue, payment discipline and retention of promoters, passives,
// detractors and clients without an NPS answer in a window, with counts and 95 % intervals, and
// the promoter − detractor differences. Retention looks at the window right after; when that is
// not over yet, the page says so.
import { Alert, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exportUrl, getBySatisfaction, type PeriodUnit } from '../../api/economics.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { money, num, percent, signed } from './format.ts';
import { GroupChart, type GroupFigure } from './GroupChart.tsx';
import { LoyaltyTable } from './LoyaltyTable.tsx';
import { PERIOD_UNITS, periodLabel, recentPeriods, windowOf } from './periods.ts';
import { UnitPicker } from './WindowPicker.tsx';

const FIGURES: readonly GroupFigure[] = ['revenuePerPayingClient', 'onTimeShare', 'retention'];
const CHOICES: Record<PeriodUnit, number> = { month: 36, quarter: 12, year: 5 };

export function LoyaltyPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const params = useQueryParams();
  const unit: PeriodUnit = PERIOD_UNITS.includes(params.unit as PeriodUnit)
    ? (params.unit as PeriodUnit)
    : 'quarter';
  const choices = recentPeriods(unit, CHOICES[unit]);
  // By default the period before the last full one, so the window after it (retention) is over.
  const start = params.from && choices.includes(params.from) ? params.from : choices[1]!;
  const w = windowOf(start, unit);
  const data = useQuery({
    queryKey: ['economics', 'by-satisfaction', w.from, w.to, unit],
    queryFn: () => getBySatisfaction({ ...w, period: unit }),
  });
  const show = (figure: GroupFigure, v: number | null) =>
    figure === 'revenuePerPayingClient' ? money(v, lng, 0) : percent(v, lng, 1);
  // A difference of two shares is in percentage points.
  const showDifference = (figure: GroupFigure, v: number | null) => {
    if (v === null) return '—';
    if (figure === 'revenuePerPayingClient') return signed(show(figure, v), v);
    const pp = Math.round(v * 1000) / 10;
    return signed(`${num(pp, lng, 1)} ${t('economics.pp')}`, pp);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('economics.loyalty.title')} intro={t('economics.loyalty.intro')} />
      <Group gap="md" align="flex-end" wrap="wrap">
        <UnitPicker unit={unit} onChange={(u) => setQueryParams({ unit: u })} />
        <NativeSelect
          label={t('economics.loyalty.window')}
          value={start}
          data={choices.map((c) => ({ value: c, label: periodLabel(c, unit, t, lng) }))}
          onChange={(e) => setQueryParams({ unit, from: e.currentTarget.value })}
          data-testid="loyalty-window"
        />
      </Group>
      <ErrorAlert error={data.error} />
      {data.data && !data.data.next.complete && (
        <Alert color="yellow" variant="light" data-testid="next-incomplete">
          {t('economics.loyalty.nextIncomplete', {
            window: periodLabel(data.data.next.from, unit, t, lng),
          })}
        </Alert>
      )}
      {data.data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {FIGURES.map((figure) => {
              const d = data.data.differences[figure];
              return (
                <Card
                  key={figure}
                  withBorder
                  radius="md"
                  padding="sm"
                  data-testid={`diff-${figure}`}
                >
                  <Text size="sm" c="dimmed">
                    {t('economics.loyalty.difference', {
                      figure: t(`economics.loyalty.figures.${figure}`),
                    })}
                  </Text>
                  <Text fz={26} fw={700}>
                    {showDifference(figure, d.value)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.interval
                      ? t('economics.loyalty.intervalOf', {
                          low: showDifference(figure, d.interval[0]),
                          high: showDifference(figure, d.interval[1]),
                        })
                      : t('economics.loyalty.tooFew')}
                  </Text>
                </Card>
              );
            })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {FIGURES.map((figure) => (
              <GroupChart key={figure} groups={data.data.groups} figure={figure} />
            ))}
          </SimpleGrid>
          <Card withBorder radius="md" padding="sm">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={2} size="h5">
                {t('economics.loyalty.tableTitle', { window: periodLabel(start, unit, t, lng) })}
              </Title>
              <ExportButtons
                urlFor={(format) =>
                  exportUrl('by-satisfaction', format, { ...w, period: unit, lang: lng })
                }
              />
            </Group>
            <LoyaltyTable groups={data.data.groups} />
            <Text size="xs" c="dimmed" mt="xs">
              {t('economics.loyalty.note')}
            </Text>
          </Card>
        </>
      )}
    </Stack>
  );
}
