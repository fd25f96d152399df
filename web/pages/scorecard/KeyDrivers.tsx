// "Key drivers" of a stage: which lower-layer metrics move NPS, CSAT or retention, ranked by the
// share of R² each explains, with r, n and p beside each; those with too few periods greyed and
// never ranked; a plain notice when none is significant; the strongest one as a scatter plot.
import {
  Alert,
  Badge,
  Box,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DRIVER_TARGETS,
  getDrivers,
  type DriverOut,
  type DriverTarget,
} from '../../api/scorecard-layers.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { num, percent } from '../economics/format.ts';
import { shiftPeriods } from '../economics/periods.ts';
import { DriverScatter } from './DriverScatter.tsx';
import { formatP, formatR, splitDrivers } from './drivers.ts';
import { metricName } from './layer-format.ts';

/** shared/api/arbiter.ts MIN_DRIVER_POINTS (not imported: zod stays out of the bundle). */
const MIN_POINTS = 8;

function RankedDriver({ d, rank, widest }: { d: DriverOut; rank: number; widest: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const share = d.importance ?? 0;
  return (
    <Box
      data-testid={`driver-${d.metric}`}
      data-status={d.status}
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text size="sm" fw={700} c="dimmed" w={18} style={{ flex: 'none' }}>
          {rank}
        </Text>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {metricName(d, t, lng)}{' '}
          <Text span size="xs" c="dimmed" fw={400}>
            {t(`scorecard.layers.names.${d.layer}`)}
          </Text>
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap" pl={24} mt={2}>
        <Box style={{ flex: 1, minWidth: 60 }}>
          <Box
            data-testid="driver-bar"
            h={10}
            style={{
              width: `${widest > 0 ? Math.max((share / widest) * 100, 1) : 0}%`,
              borderRadius: 3,
              background: `var(--mantine-color-${d.significant ? 'blue-6' : 'gray-5'})`,
            }}
          />
        </Box>
        <Text size="xs" fw={600} w={44} ta="right" style={{ flex: 'none' }}>
          {d.importance === null ? '—' : percent(d.importance, lng)}
        </Text>
      </Group>
      <Group gap={6} pl={24} wrap="wrap">
        <Text size="xs" c="dimmed">
          {[formatR(d.r, lng), `n = ${num(d.n, lng, 0)}`, formatP(d.p, lng)].join(' · ')}
        </Text>
        {d.significant ? (
          <Badge size="xs" color="blue" style={{ textTransform: 'none' }}>
            {t('scorecard.drivers.significant')}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed" fs="italic">
            {t('scorecard.drivers.notSignificant')}
          </Text>
        )}
      </Group>
    </Box>
  );
}

/** Drivers with too few months (or a constant series): named, greyed, never ranked. */
function NotEnoughData({ drivers }: { drivers: readonly DriverOut[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (drivers.length === 0) return null;
  return (
    <Box mt="xs" pt={6} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="xs" c="dimmed" mb={4}>
        {t('scorecard.drivers.notEnoughHint', { count: MIN_POINTS })}
      </Text>
      <Group gap={6} wrap="wrap">
        {drivers.map((d) => (
          <Badge
            key={d.metric}
            color="gray"
            variant="light"
            style={{ textTransform: 'none', opacity: 0.8 }}
            data-testid={`driver-${d.metric}`}
            data-status={d.status}
            title={`${t('scorecard.drivers.notEnoughData')} · n = ${d.n}`}
          >
            {metricName(d, t, lng)}
          </Badge>
        ))}
      </Group>
    </Box>
  );
}

/** "дек. 2024 г." / "Dec 2024": a month with its whole year (a two-digit one reads as a day). */
const shortMonth = (day: string, lng: string) =>
  new Intl.DateTimeFormat(lng, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Months the drivers look back from the page window's end: enough for ≥ 8 points per driver. */
const DRIVER_MONTHS = 24;

/** `to`: the first day after the page's window; the drivers use the 24 months before it. */
export function KeyDrivers({ stage, to }: { stage: string; to: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [target, setTarget] = useState<DriverTarget>('nps');
  const data = useQuery({
    queryKey: ['scorecard', 'drivers', stage, target, to],
    queryFn: () =>
      getDrivers({ stage, target, from: shiftPeriods(to, 'month', -DRIVER_MONTHS), to }),
  });
  const targetName = (key: string) => metricName({ metric: key, name: null, nameEn: null }, t, lng);
  const d = data.data;
  const { ranked, notEnough } = splitDrivers(d?.drivers ?? []);
  const widest = Math.max(0, ...ranked.map((r) => r.importance ?? 0));
  const strongest = d?.scatter
    ? (d.drivers.find((x) => x.metric === d.scatter!.metric) ?? null)
    : null;
  return (
    <Stack gap="sm" data-testid="key-drivers">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={2} size="h3">
          {t('scorecard.drivers.title')}
        </Title>
        <SegmentedControl
          aria-label={t('scorecard.drivers.target')}
          value={target}
          onChange={(v) => setTarget(v as DriverTarget)}
          data={DRIVER_TARGETS.map((k) => ({
            value: k,
            label: t(`scorecard.drivers.targets.${k}`),
          }))}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('scorecard.drivers.intro', { target: targetName(target) })}
      </Text>
      <ErrorAlert error={data.error} />
      {data.isPending && <Loader size="sm" />}
      {d && (
        <>
          {!d.anySignificant && (
            <Alert color="gray" variant="light" data-testid="no-significant-driver">
              <Text fw={600} size="sm">
                {t('scorecard.drivers.noneSignificant')}
              </Text>
              <Text size="sm">{t('scorecard.drivers.noneSignificantHint')}</Text>
            </Alert>
          )}
          <Card withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed" mb={4}>
              {t('scorecard.drivers.summary', {
                from: shortMonth(d.from, lng),
                to: shortMonth(shiftPeriods(d.to, 'month', -1), lng),
                periods: d.periods,
                r2: d.r2 === null ? '—' : percent(d.r2, lng),
              })}
            </Text>
            {ranked.map((x, i) => (
              <RankedDriver key={x.metric} d={x} rank={i + 1} widest={widest} />
            ))}
            <NotEnoughData drivers={notEnough} />
            {d.drivers.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('scorecard.drivers.none')}
              </Text>
            )}
          </Card>
          {d.scatter && d.scatter.points.length > 0 && (
            <DriverScatter
              scatter={d.scatter}
              xName={strongest ? metricName(strongest, t, lng) : d.scatter.metric}
              yName={targetName(d.target)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
