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
import { DriverScatter } from './DriverScatter.tsx';
import { formatP, formatR, splitDrivers } from './drivers.ts';
import { metricName } from './layer-format.ts';

/** shared/api/arbiter.ts MIN_DRIVER_POINTS (not imported: zod stays out of the bundle). */
const MIN_POINTS = 8;

function DriverRow({ d, rank, widest }: { d: DriverOut; rank: number | null; widest: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const ranked = rank !== null;
  const share = d.importance ?? 0;
  return (
    <Box
      data-testid={`driver-${d.metric}`}
      data-status={d.status}
      py={6}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)', opacity: ranked ? 1 : 0.55 }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={700} c="dimmed" w={20}>
            {ranked ? rank : '–'}
          </Text>
          <Text size="sm" fw={ranked ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {metricName(d, t, lng)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`scorecard.layers.names.${d.layer}`)}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap">
          {ranked && d.significant && (
            <Badge size="xs" color="blue" style={{ textTransform: 'none' }}>
              {t('scorecard.drivers.significant')}
            </Badge>
          )}
          {ranked && !d.significant && (
            <Text size="xs" c="dimmed">
              {t('scorecard.drivers.notSignificant')}
            </Text>
          )}
          {!ranked && (
            <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
              {t('scorecard.drivers.notEnoughData')}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap="xs" wrap="nowrap" pl={26} mt={4}>
        {ranked && (
          <>
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
            <Text size="xs" fw={600} w={44} ta="right">
              {d.importance === null ? '—' : percent(d.importance, lng)}
            </Text>
          </>
        )}
      </Group>
      <Text size="xs" c="dimmed" pl={26}>
        {[formatR(d.r, lng), `n = ${num(d.n, lng, 0)}`, formatP(d.p, lng)].join(' · ')}
        {!ranked && ` · ${t('scorecard.drivers.needPoints', { count: MIN_POINTS })}`}
      </Text>
    </Box>
  );
}

export function KeyDrivers({ stage }: { stage: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [target, setTarget] = useState<DriverTarget>('nps');
  const data = useQuery({
    queryKey: ['scorecard', 'drivers', stage, target],
    queryFn: () => getDrivers({ stage, target }),
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
          data={DRIVER_TARGETS.map((k) => ({ value: k, label: targetName(k) }))}
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
                periods: d.periods,
                r2: d.r2 === null ? '—' : percent(d.r2, lng),
              })}
            </Text>
            {ranked.map((x, i) => (
              <DriverRow key={x.metric} d={x} rank={i + 1} widest={widest} />
            ))}
            {notEnough.map((x) => (
              <DriverRow key={x.metric} d={x} rank={null} widest={widest} />
            ))}
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
