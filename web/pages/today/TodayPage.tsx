// "Сегодня" (issue 21): the start page of a care manager — my open cases by SLA risk, reminders
// due today, detractors and negative records without a case, each with its action in place
// (resolve, hand over, snooze, open); an admin also sees the set-up health of mail in and out.
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCase } from '../../api/cases.ts';
import type { Resolution } from '../cases/ResolveCaseForm.tsx';
import { getToday, snoozeItem, type SnoozeRef, type TodayOut } from '../../api/today.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { messageFailureReason } from '../../components/message-reason.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { formatDateTime } from '../../format.ts';
import { useSession } from '../../session.tsx';
import { TodayCaseCard, TodayRecordCard, TodayReminderCard } from './TodayCards.tsx';
import { WeekMovesCard } from './WeekMovesCard.tsx';
import { can } from '../../permissions.ts';

/** How many cards a section shows before «show all» (a long list of old reminders hides the rest). */
const FIRST = 8;

function Section(props: { title: string; count: number; empty: string; children: ReactNode[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? props.children : props.children.slice(0, FIRST);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={2} size="h4">
          {props.title}
        </Title>
        <Badge variant="light">{props.count}</Badge>
      </Group>
      {props.count === 0 ? (
        <Text c="dimmed" size="sm">
          {props.empty}
        </Text>
      ) : (
        shown
      )}
      {!all && props.children.length > FIRST && (
        <Button
          variant="subtle"
          size="xs"
          onClick={() => setAll(true)}
          data-testid="today-show-all"
        >
          {t('today.showAll', { count: props.children.length })}
        </Button>
      )}
    </Stack>
  );
}

function Health({ health }: { health: NonNullable<TodayOut['health']> }) {
  const { t, i18n } = useTranslation();
  const line = (label: string, ok: boolean, text: string) => (
    <Group gap={6} wrap="wrap" align="flex-start">
      <Badge color={ok ? 'green' : 'red'} variant="dot" style={{ textTransform: 'none' }}>
        {label}
      </Badge>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {text}
      </Text>
    </Group>
  );
  const err = health.lastDeliveryError;
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="today-health">
      <Title order={2} size="h5" mb="xs">
        {t('today.health.title')}
      </Title>
      <Stack gap={6}>
        {line(
          t('today.health.mailOut'),
          health.mailOut,
          t(health.mailOut ? 'today.health.mailOutOn' : 'today.health.mailOutOff'),
        )}
        {line(
          t('today.health.lastError'),
          !err,
          err
            ? `${formatDateTime(err.at, i18n.language)} · ${t(`templates.kinds.${err.kind}`)} · ${messageFailureReason({ status: 'failed', lastError: err.error }, t)}`
            : t('today.health.noError'),
        )}
        {line(
          t('today.health.inbound'),
          health.inboundReceiver,
          t(health.inboundReceiver ? 'today.health.inboundOn' : 'today.health.inboundOff'),
        )}
      </Stack>
    </Card>
  );
}

export function TodayPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const users = useUsers();
  const queryClient = useQueryClient();
  const today = useQuery({ queryKey: ['today'], queryFn: getToday });
  const refresh = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['today'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
    notifications.show({ color: 'green', message });
  };
  const resolve = useMutation({
    mutationFn: ({ id, ...resolved }: Resolution & { id: string }) =>
      updateCase(id, { status: 'resolved', ...resolved }),
    onSuccess: () => refresh(t('today.resolved')),
  });
  const assign = useMutation({
    mutationFn: (v: { id: string; ownerId: string }) => updateCase(v.id, { ownerId: v.ownerId }),
    onSuccess: () => refresh(t('today.assigned')),
  });
  const snooze = useMutation({
    mutationFn: (ref: SnoozeRef) => snoozeItem(ref),
    onSuccess: () => refresh(t('today.snoozed')),
  });
  const data = today.data;
  const date = data
    ? new Intl.DateTimeFormat(i18n.language, {
        day: 'numeric',
        month: 'long',
        weekday: 'long',
      }).format(new Date(`${data.date}T12:00:00Z`))
    : '';
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('today.greeting', { name: user.name })}
        intro={data ? t('today.intro', { date }) : undefined}
      />
      <ErrorAlert error={today.error ?? resolve.error ?? assign.error ?? snooze.error} />
      {today.isPending && <Loader size="sm" />}
      {data?.health && <Health health={data.health} />}
      {can(user.role, 'team.overview') && <WeekMovesCard />}
      {data && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Section
            title={t('today.myCases')}
            count={data.myCases.length}
            empty={t('today.noCases')}
          >
            {data.myCases.map((c) => (
              <TodayCaseCard
                key={c.id}
                item={c}
                users={users}
                me={user.id}
                pending={resolve.isPending}
                onResolve={(resolved) => resolve.mutate({ id: c.id, ...resolved })}
                onAssign={(ownerId) => assign.mutate({ id: c.id, ownerId })}
              />
            ))}
          </Section>
          <Stack gap="lg">
            <Section
              title={t('today.reminders')}
              count={data.reminders.length}
              empty={t('today.noReminders')}
            >
              {data.reminders.map((r) => (
                <TodayReminderCard
                  key={`${r.kind}:${r.ref.id}`}
                  item={r}
                  onSnooze={() =>
                    // Today lists dates and missed calls only; playbook actions stay in the care inbox.
                    r.ref.type !== 'playbook_action' &&
                    snooze.mutate({ type: r.ref.type, id: r.ref.id })
                  }
                />
              ))}
            </Section>
            <Section
              title={t('today.records')}
              count={data.records.length}
              empty={t('today.noRecords')}
            >
              {data.records.map((f) => (
                <TodayRecordCard
                  key={f.id}
                  item={f}
                  onSnooze={() => snooze.mutate({ type: 'feedback', id: f.id })}
                />
              ))}
            </Section>
          </Stack>
        </SimpleGrid>
      )}
    </Stack>
  );
}
