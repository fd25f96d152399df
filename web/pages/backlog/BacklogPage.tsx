// The improvement backlog (issue 18, SPEC C10): the on-time share and quadrant counts, the value ×
// effort chart whose points can be dragged to re-score, and the ranked list with filters and the
// CSV/XLSX export. `?new=1&title=…&stage=…` opens a new initiative prefilled (the arbiter's link).
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  INITIATIVE_STATUSES,
  listInitiatives,
  QUADRANTS,
  updateInitiative,
  type BacklogSummaryOut,
  type InitiativeOut,
} from '../../api/backlog.ts';
import { canWriteData } from '../../components/access.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListExportButtons } from '../../components/ListExportButtons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatMoney } from '../../format.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { NewInitiativeModal } from './NewInitiativeModal.tsx';
import { QuadrantChart } from './QuadrantChart.tsx';

export const STATUS_COLORS: Record<InitiativeOut['status'], string> = {
  idea: 'gray',
  planned: 'blue',
  in_progress: 'yellow',
  done: 'green',
  dropped: 'red',
};

function Summary({ s }: { s: BacklogSummaryOut }) {
  const { t, i18n } = useTranslation();
  const share =
    s.onTimeShare === null
      ? '—'
      : new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(s.onTimeShare);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" mb="md">
      <Card withBorder padding="sm" data-testid="on-time-share">
        <Text size="xs" c="dimmed">
          {t('backlog.summary.onTime')}
        </Text>
        <Text
          fz={24}
          fw={700}
          c={s.onTimeShare !== null && s.onTimeShare < 0.7 ? 'red.8' : undefined}
        >
          {share}
        </Text>
        <Text size="xs" c="dimmed">
          {s.doneWithDueDate
            ? t('backlog.summary.onTimeOf', { onTime: s.doneOnTime, total: s.doneWithDueDate })
            : t('backlog.summary.noDue')}
          {' · '}
          {t('backlog.summary.target')}
        </Text>
      </Card>
      {QUADRANTS.map((q) => (
        <Card key={q} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {t(`backlog.quadrant.${q}`)}
          </Text>
          <Text fz={24} fw={700} data-testid={`count-${q}`}>
            {s.quadrants[q]}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Row({ i }: { i: InitiativeOut }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="md" data-testid="initiative-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap="xs" wrap="nowrap" align="baseline" style={{ minWidth: 0 }}>
          <Text fw={800} c="dimmed">
            {i.rank}
          </Text>
          <AnchorLink to={`/backlog/${i.id}`} fw={600}>
            {i.title}
          </AnchorLink>
        </Group>
        <Badge color={STATUS_COLORS[i.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`backlog.status.${i.status}`)}
        </Badge>
      </Group>
      <Group gap="xs" mt={6}>
        <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {t(`backlog.quadrant.${i.quadrant ?? 'none'}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('backlog.chart.value')} {i.value ?? '—'}
          {i.valueSource === 'computed' && ` (${t('backlog.list.computed')})`} ·{' '}
          {t('backlog.chart.effort')} {i.effort ?? '—'} · {t('backlog.list.reach')} {i.reach} ·{' '}
          {t('backlog.list.revenue')} {formatMoney(i.revenueAtStake, i18n.language)}
          {i.dueDate && ` · ${t('backlog.list.due')} ${i.dueDate}`}
          {i.onTime !== null && ` · ${t(i.onTime ? 'backlog.list.onTime' : 'backlog.list.late')}`}
        </Text>
      </Group>
    </Card>
  );
}

export function BacklogPage() {
  const { t } = useTranslation();
  const params = useQueryParams();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const canEdit = canWriteData(user.role);
  const filter = { status: params.status || undefined, quadrant: params.quadrant || undefined };
  const list = useQuery({
    queryKey: ['initiatives', filter],
    queryFn: () => listInitiatives(filter),
  });
  const all = useQuery({ queryKey: ['initiatives', 'all'], queryFn: () => listInitiatives() });
  const move = useMutation({
    mutationFn: (m: { id: string; value: number; effort: number }) =>
      updateInitiative(m.id, { value: m.value, effort: m.effort }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['initiatives'] }),
  });
  const update = (patch: Record<string, string | undefined>) =>
    setQueryParams({ ...params, ...patch });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('backlog.title')}
        intro={t('backlog.intro')}
        action={
          canEdit && (
            <Button onClick={() => update({ new: '1' })} data-testid="new-initiative">
              {t('backlog.new')}
            </Button>
          )
        }
      />
      {params.new === '1' && (
        <NewInitiativeModal
          onClose={() => update({ new: undefined, title: undefined, stage: undefined })}
          initialTitle={params.title ?? ''}
          initialStage={params.stage ?? ''}
        />
      )}
      <ErrorAlert error={list.error ?? move.error} />
      {all.data && <Summary s={all.data.summary} />}
      <Card withBorder padding="sm" mb="md">
        <Title order={2} size="h4" mb="xs">
          {t('backlog.chart.title')}
        </Title>
        <QuadrantChart
          items={all.data?.items ?? []}
          canEdit={canEdit}
          onMove={(id, value, effort) => move.mutate({ id, value, effort })}
        />
      </Card>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('backlog.list.filterStatus')}
            value={params.status ?? ''}
            onChange={(e) => update({ status: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('backlog.list.any') },
              ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`backlog.status.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('backlog.list.filterQuadrant')}
            value={params.quadrant ?? ''}
            onChange={(e) => update({ quadrant: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('backlog.list.any') },
              ...QUADRANTS.map((q) => ({ value: q, label: t(`backlog.quadrant.${q}`) })),
            ]}
          />
        </Group>
        <ListExportButtons list="initiatives" params={filter} />
      </Group>
      <Stack gap="sm">
        {items.map((i) => (
          <Row key={i.id} i={i} />
        ))}
      </Stack>
      {list.data && items.length === 0 && <Text c="dimmed">{t('backlog.list.empty')}</Text>}
    </>
  );
}
