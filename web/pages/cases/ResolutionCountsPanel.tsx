// Resolved cases by resolution code for a period (issue 21), under the case board: a bar per code
// and, on a click, exactly the cases counted (the same filters through GET /api/v1/cases).
import {
  Anchor,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAllCases, resolutionCounts, type ResolutionCountOut } from '../../api/cases.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { codeLabel } from '../../components/useResolutionCodes.ts';
import { formatDateTime } from '../../format.ts';

const PERIODS = [7, 30, 90] as const;

/** [from, to): the last `days` days up to the end of today, in the reader's time. */
function periodOf(days: number, now = new Date()) {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - days);
  return { from: from.toISOString(), to: to.toISOString() };
}

function Drill({ row, from, to }: { row: ResolutionCountOut; from: string; to: string }) {
  const { i18n } = useTranslation();
  const cases = useQuery({
    queryKey: ['cases', 'by-code', row.code, from, to],
    queryFn: () =>
      listAllCases({
        status: ['resolved', 'closed'],
        resolvedFrom: from,
        resolvedTo: to,
        resolutionCode: row.code,
      }),
  });
  if (cases.isPending) return <Loader size="xs" />;
  return (
    <Stack gap={4} pl="md" data-testid="resolution-drill">
      <ErrorAlert error={cases.error} />
      {cases.data?.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap" justify="space-between">
          <AnchorLink to={`/cases/${c.id}`} size="sm" style={{ minWidth: 0 }}>
            {c.title}
          </AnchorLink>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(c.resolvedAt, i18n.language)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function ResolutionCountsPanel() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number>(30);
  const [open, setOpen] = useState<string | null>(null);
  const { from, to } = periodOf(days);
  const counts = useQuery({
    queryKey: ['resolution-counts', from, to],
    queryFn: () => resolutionCounts(from, to),
  });
  const rows = counts.data?.items ?? [];
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  const name = (r: ResolutionCountOut) =>
    r.nameRu && r.nameEn
      ? codeLabel({ nameRu: r.nameRu, nameEn: r.nameEn }, i18n.language)
      : t('closing.counts.none');

  return (
    <Paper withBorder radius="md" p="md" mt="lg" data-testid="resolution-counts">
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <div>
          <Title order={2} size="h4">
            {t('closing.counts.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('closing.counts.intro')}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          aria-label={t('closing.counts.period')}
          value={String(days)}
          onChange={(v) => {
            setDays(Number(v));
            setOpen(null);
          }}
          data={PERIODS.map((d) => ({
            value: String(d),
            label: t('closing.counts.days', { count: d }),
          }))}
        />
      </Group>
      <ErrorAlert error={counts.error} />
      {counts.isPending && <Loader size="sm" />}
      {counts.data && total === 0 && (
        <Text size="sm" c="dimmed">
          {t('closing.counts.empty')}
        </Text>
      )}
      <Stack gap={6}>
        {total > 0 &&
          rows.map((r) => (
            <div key={r.code} data-testid="resolution-count-row">
              <UnstyledButton
                w="100%"
                disabled={r.count === 0}
                onClick={() => setOpen(open === r.code ? null : r.code)}
                aria-expanded={open === r.code}
              >
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" c={r.count ? undefined : 'dimmed'}>
                    {r.count ? <Anchor component="span">{name(r)}</Anchor> : name(r)}
                  </Text>
                  <Text size="sm" fw={600} data-testid="resolution-count">
                    {r.count}
                  </Text>
                </Group>
                <Progress value={(r.count / max) * 100} size="sm" mt={2} aria-hidden />
              </UnstyledButton>
              {open === r.code && <Drill row={r} from={from} to={to} />}
            </div>
          ))}
        {total > 0 && (
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('closing.counts.total')}
            </Text>
            <Text size="sm" fw={600} data-testid="resolution-total">
              {total}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
