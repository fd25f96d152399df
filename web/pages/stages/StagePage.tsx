// One journey stage: its owner and targets, its satisfaction layer (NPS, CSAT, CES of the last
// twelve months, against the targets), its open cases and the special requirements that touch it.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { searchRequirements } from '../../api/care.ts';
import { listCases } from '../../api/cases.ts';
import { getSatisfaction, METRICS } from '../../api/metrics.ts';
import { getStage, stageName, type StageOut } from '../../api/stages.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { useRouteParams } from '../../router.tsx';
import { TargetBadges } from './TargetBadges.tsx';
import { StageOperationsSection } from '../scorecard/StageOperationsSection.tsx';
import { StageEnpsSection } from '../pulse/StageEnpsSection.tsx';

function MetricCard({ stage, metric }: { stage: StageOut; metric: (typeof METRICS)[number] }) {
  const { t } = useTranslation();
  const data = useQuery({
    queryKey: ['satisfaction', metric, 'stage', stage.key],
    queryFn: () => getSatisfaction({ metric, stage: stage.key }),
  });
  const group = data.data?.groups[0];
  const target = stage.targets.find((x) => x.metric === metric);
  const value = group?.value ?? null;
  const met =
    value === null || !target
      ? undefined
      : target.direction === 'up'
        ? value >= target.target
        : value <= target.target;
  return (
    <Card withBorder padding="sm" radius="sm" data-testid={`stage-metric-${metric}`}>
      <Text size="sm" c="dimmed">
        {t(`stages.metrics.${metric}`)}
      </Text>
      <Text fw={700} size="xl">
        {value ?? '—'}
      </Text>
      <Text size="xs" c="dimmed">
        {group?.responses
          ? t('stages.responses', { count: group.responses })
          : t('stages.noResponses')}
      </Text>
      {target && (
        <Group gap={4} mt={4} wrap="wrap">
          <Text size="xs">
            {t(`stages.direction.${target.direction}`)} {target.target}
          </Text>
          {met !== undefined && (
            <Badge size="xs" color={met ? 'green' : 'red'} style={{ textTransform: 'none' }}>
              {t(met ? 'stages.status.met' : 'stages.status.missed')}
            </Badge>
          )}
        </Group>
      )}
      <ErrorAlert error={data.error} />
    </Card>
  );
}

export function StagePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useRouteParams();
  const users = useUsers();
  const stage = useQuery({ queryKey: ['stage', id], queryFn: () => getStage(id) });
  const key = stage.data?.key;
  const cases = useQuery({
    queryKey: ['cases', 'stage', key],
    queryFn: () => listCases({ open: true, stage: key }),
    enabled: key !== undefined,
  });
  const requirements = useQuery({
    queryKey: ['requirements', 'stage', key],
    queryFn: () => searchRequirements({ stage: key, status: 'active' }),
    enabled: key !== undefined,
  });
  const s = stage.data;
  const owner = s?.ownerId ? (users.find((u) => u.id === s.ownerId)?.name ?? '—') : undefined;

  return (
    <>
      <AnchorLink to="/stages" size="sm">
        ← {t('stages.back')}
      </AnchorLink>
      <ErrorAlert error={stage.error} />
      {s && (
        <>
          <PageHeader
            title={stageName(s, i18n.language)}
            intro={`${t('stages.key')}: ${s.key} · ${t('stages.owner')}: ${owner ?? t('stages.noOwner')}`}
          />
          <TargetBadges targets={s.targets} />
          <Title order={2} size="h4" mt="md" mb="xs">
            {t('stages.satisfaction')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            {METRICS.map((m) => (
              <MetricCard key={m} stage={s} metric={m} />
            ))}
          </SimpleGrid>
          <StageOperationsSection stageKey={s.key} />
          <StageEnpsSection stageKey={s.key} />
          <Title order={2} size="h4" mt="md" mb="xs">
            {t('stages.openCases')}
          </Title>
          <ErrorAlert error={cases.error} />
          {cases.data?.items.length === 0 && <Text c="dimmed">{t('stages.noOpenCases')}</Text>}
          <Stack gap="xs" data-testid="stage-cases">
            {cases.data?.items.map((c) => (
              <Card key={c.id} withBorder padding="xs" radius="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <AnchorLink to={`/cases/${c.id}`} size="sm" fw={600}>
                    {c.publicRef} {c.title}
                  </AnchorLink>
                  <StatusBadge status={c.status} />
                </Group>
              </Card>
            ))}
          </Stack>
          <Title order={2} size="h4" mt="md" mb="xs">
            {t('stages.requirements')}
          </Title>
          {requirements.data?.items.length === 0 && (
            <Text c="dimmed">{t('stages.noRequirements')}</Text>
          )}
          <Stack gap="xs">
            {requirements.data?.items.map((r) => (
              <Card key={r.id} withBorder padding="xs" radius="sm">
                <AnchorLink to={`/clients/${r.clientId}?tab=requirements`} size="sm" fw={600}>
                  {r.clientName}
                </AnchorLink>
                <Text size="sm">{r.text}</Text>
              </Card>
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
