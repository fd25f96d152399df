// The care inbox: a manager's list for today, grouped by kind, over a chosen number of days.
// Cards rather than a table, so it reads on a phone.
import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listReminders, REMINDER_KINDS, type ReminderOut } from '../../api/care.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { markPlaybookDone } from '../../api/portfolio.ts';
import { formatDateTime } from '../../format.ts';
import { setQueryParams, useQueryParams } from '../../router.tsx';

const DAY_CHOICES = ['7', '14', '30', '90'];

const COVERAGE_LOOK = {
  touched: { color: 'green', mark: '✓' },
  silent: { color: 'orange', mark: '…' },
  missing: { color: 'red', mark: '✕' },
} as const;

/** Decision maker and influencer: among the contacts and touched in 6 months (issue 17). */
function CoverageBadges({ coverage }: { coverage: NonNullable<ReminderOut['coverage']> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" aria-label={t('care.coverage.label')} data-testid="coverage">
      {(['decisionMaker', 'influencer'] as const).map((role) => {
        const state = coverage[role];
        const text = `${t(`care.coverage.${role}`)}: ${t(`care.coverage.${state}`)}`;
        return (
          <Badge
            key={role}
            size="sm"
            variant="outline"
            color={COVERAGE_LOOK[state].color}
            style={{ textTransform: 'none' }}
            title={text}
            data-state={state}
          >
            <span aria-hidden="true">{COVERAGE_LOOK[state].mark} </span>
            {text}
          </Badge>
        );
      })}
    </Group>
  );
}

function ReminderCard({ item }: { item: ReminderOut }) {
  const { t, i18n } = useTranslation();
  let when: string | undefined;
  if (item.kind === 'upcoming_date')
    when =
      item.daysUntil === 0 ? t('care.today') : t('care.inDays', { count: item.daysUntil ?? 0 });
  else if (item.kind === 'silent_client' || item.kind === 'decision_maker_silent')
    when = item.at
      ? t('care.silentSince', { date: formatDateTime(item.at, i18n.language) })
      : t('care.neverHeard');
  else if (item.at) when = formatDateTime(item.at, i18n.language);
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="reminder">
      <AnchorLink to={item.link} fw={600} size="sm">
        {item.title}
      </AnchorLink>
      <Group gap="xs" mt={4} wrap="wrap">
        {item.title !== item.clientName && item.clientId && (
          <AnchorLink to={`/clients/${item.clientId}`} size="sm" c="dimmed">
            {item.clientName}
          </AnchorLink>
        )}
        {when && (
          <Badge
            variant="light"
            color={item.kind === 'sla_risk' ? 'red' : 'blue'}
            style={{ textTransform: 'none' }}
          >
            {when}
          </Badge>
        )}
      </Group>
      {item.coverage && <CoverageBadges coverage={item.coverage} />}
      {item.kind === 'playbook_action' && <PlaybookDone item={item} />}
    </Card>
  );
}

/** A playbook action is done per client: marked, it leaves the inbox until it is due again. */
function PlaybookDone({ item }: { item: ReminderOut }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = useMutation({
    mutationFn: () => markPlaybookDone(item.clientId, item.ref.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['reminders'] });
      await client.invalidateQueries({ queryKey: ['portfolio', 'client-playbook'] });
      notifications.show({ color: 'green', message: t('care.markedDone') });
    },
  });
  return (
    <>
      <ErrorAlert error={done.error} />
      <Button
        size="xs"
        variant="light"
        mt="xs"
        style={{ alignSelf: 'flex-start' }}
        loading={done.isPending}
        onClick={() => done.mutate()}
        data-testid="reminder-done"
      >
        {t('care.markDone')}
      </Button>
    </>
  );
}

export function CareInboxPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? ('en' as const) : ('ru' as const);
  const params = useQueryParams();
  const days = DAY_CHOICES.includes(params.days ?? '') ? Number(params.days) : 14;
  // "Assigned to me": the person's own cases and the special requirements of their stages.
  const mine = params.view === 'mine';
  const reminders = useQuery({
    queryKey: ['reminders', days, mine, lang],
    queryFn: () => listReminders({ days, lang, ...(mine ? { mine: 'true' as const } : {}) }),
  });
  const items = reminders.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('care.title')} intro={t('care.intro')} />
      <SegmentedControl
        aria-label={t('care.view.label')}
        data-testid="care-view"
        value={mine ? 'mine' : 'all'}
        onChange={(v) =>
          setQueryParams({ days: params.days, view: v === 'mine' ? 'mine' : undefined })
        }
        data={[
          { value: 'all', label: t('care.view.all') },
          { value: 'mine', label: t('care.view.mine') },
        ]}
        mb="sm"
      />
      <Stack gap={4} mb="md" display={mine ? 'none' : undefined}>
        <Text size="sm" fw={500}>
          {t('care.days')}
        </Text>
        <SegmentedControl
          aria-label={t('care.days')}
          value={String(days)}
          onChange={(v) => setQueryParams({ days: v, view: params.view })}
          data={DAY_CHOICES.map((d) => ({
            value: d,
            label: t('care.daysOption', { count: Number(d) }),
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      <ErrorAlert error={reminders.error} />
      {reminders.data && items.length === 0 && (
        <Text c="dimmed">{t(mine ? 'care.emptyMine' : 'care.empty')}</Text>
      )}
      <Stack gap="lg">
        {REMINDER_KINDS.map((kind) => {
          const group = items.filter((i) => i.kind === kind);
          if (group.length === 0) return null;
          return (
            <section key={kind} data-testid={`reminders-${kind}`}>
              <Group gap="xs" mb="xs">
                <Title order={2} size="h4">
                  {t(`care.reminderKinds.${kind}`)}
                </Title>
                <Badge variant="outline" color="gray">
                  {group.length}
                </Badge>
              </Group>
              <Stack gap="xs">
                {group.map((item) => (
                  <ReminderCard
                    key={`${item.ref.type}:${item.ref.id}:${item.kind}:${item.clientId}`}
                    item={item}
                  />
                ))}
              </Stack>
            </section>
          );
        })}
      </Stack>
    </>
  );
}
