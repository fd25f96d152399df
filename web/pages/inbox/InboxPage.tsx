// The manager's start page: open cases by SLA risk (breached first, then the earliest due time)
// and recent feedback that no case took up yet.
import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { byRisk, listCases, type CaseOut } from '../../api/cases.ts';
import { listFeedback } from '../../api/feedback.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { DueBadge, RISK_COLOR, riskOf } from '../../components/DueBadge.tsx';
import { FeedbackCard } from '../../components/FeedbackCard.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';

const REFRESH = 60_000;

function CaseRow({ item }: { item: CaseOut }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid="inbox-case"
      style={{
        borderLeft: `4px solid var(--mantine-color-${RISK_COLOR[riskOf(item.dueAt, item.breachedAt)]}-6)`,
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <AnchorLink to={`/cases/${item.id}`} fw={600} miw={0}>
          {item.title}
        </AnchorLink>
        <DueBadge dueAt={item.dueAt} breachedAt={item.breachedAt} />
      </Group>
      <Group gap="xs" mt={6}>
        <StatusBadge status={item.status} />
        <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {t(`cases.priority.${item.priority}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {item.publicRef}
        </Text>
        <ClientLink clientId={item.clientId} size="xs" />
      </Group>
    </Card>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: ['cases', 'open'],
    queryFn: () => listCases({ open: true }),
    refetchInterval: REFRESH,
  });
  const feedback = useQuery({
    queryKey: ['feedback', 'unhandled'],
    queryFn: () => listFeedback({ hasCase: 'false', limit: 20 }),
    refetchInterval: REFRESH,
  });
  const sorted = [...(cases.data?.items ?? [])].sort(byRisk);

  return (
    <>
      <PageHeader title={t('inbox.title')} intro={t('inbox.intro')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm" component="section" aria-labelledby="inbox-cases">
          <Group justify="space-between">
            <Title order={2} size="h4" id="inbox-cases">
              {t('inbox.openCases', { count: sorted.length })}
            </Title>
            <AnchorLink to="/cases" size="sm">
              {t('inbox.toBoard')}
            </AnchorLink>
          </Group>
          <ErrorAlert error={cases.error} />
          {cases.isPending && <Loader size="sm" />}
          {cases.data && sorted.length === 0 && <Text c="dimmed">{t('inbox.noCases')}</Text>}
          {sorted.map((item) => (
            <CaseRow key={item.id} item={item} />
          ))}
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="inbox-feedback">
          <Group justify="space-between">
            <Title order={2} size="h4" id="inbox-feedback">
              {t('inbox.newFeedback')}
            </Title>
            <AnchorLink to="/feedback?hasCase=false" size="sm">
              {t('inbox.allFeedback')}
            </AnchorLink>
          </Group>
          <ErrorAlert error={feedback.error} />
          {feedback.isPending && <Loader size="sm" />}
          {feedback.data?.items.length === 0 && <Text c="dimmed">{t('inbox.noFeedback')}</Text>}
          {feedback.data?.items.map((item) => (
            <FeedbackCard key={item.id} item={item} />
          ))}
        </Stack>
      </SimpleGrid>
    </>
  );
}
