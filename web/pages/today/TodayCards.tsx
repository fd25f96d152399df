// The cards of the "Today" page: one per case, reminder or record, with its actions in place.
// Cards rather than tables, so the page reads at 390 px.
import { Badge, Button, Card, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderOut } from '../../api/care.ts';
import type { TodayCaseOut, TodayRecordOut } from '../../api/today.ts';
import type { UserOut } from '../../api/orgs.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { DueBadge } from '../../components/DueBadge.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '../../format.ts';
import { onLinkClick } from '../../router.tsx';
import { ResolveCaseForm, type Resolution } from '../cases/ResolveCaseForm.tsx';

export function TodayCaseCard({
  item,
  users,
  me,
  pending,
  onResolve,
  onAssign,
}: {
  item: TodayCaseOut;
  users: UserOut[];
  me: string;
  pending: boolean;
  onResolve: (resolved: Resolution) => void;
  onAssign: (ownerId: string) => void;
}) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState(false);
  const others = users
    .filter((u) => u.id !== me && !u.disabled)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="today-case">
      <AnchorLink to={`/cases/${item.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {item.publicRef} {item.title}
      </AnchorLink>
      <Group gap="xs" mt={4} wrap="wrap">
        <StatusBadge status={item.status} />
        <DueBadge dueAt={item.dueAt} breachedAt={item.overdue ? item.dueAt : null} />
        <Text size="sm" c="dimmed">
          {item.clientName || t('today.noClient')}
        </Text>
      </Group>
      {resolving ? (
        <ResolveCaseForm
          canNotify={item.canNotify}
          pending={pending}
          onCancel={() => setResolving(false)}
          onSubmit={onResolve}
        />
      ) : (
        <Group gap="xs" mt="xs" wrap="wrap">
          {item.allowedNext.includes('resolved') && (
            <Button size="xs" variant="light" color="green" onClick={() => setResolving(true)}>
              {t('today.resolve')}
            </Button>
          )}
          {others.length > 0 && (
            <Select
              size="xs"
              aria-label={t('today.assign')}
              placeholder={t('today.assign')}
              data={others}
              value={null}
              onChange={(v) => v && onAssign(v)}
              w={180}
              searchable
            />
          )}
          <Button
            size="xs"
            variant="subtle"
            component="a"
            href={`/cases/${item.id}`}
            onClick={(e: React.MouseEvent<HTMLElement>) => onLinkClick(e, `/cases/${item.id}`)}
          >
            {t('today.open')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

export function TodayReminderCard({ item, onSnooze }: { item: ReminderOut; onSnooze: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="today-reminder">
      <AnchorLink to={item.link} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </AnchorLink>
      <Group gap="xs" mt={4} wrap="wrap">
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`care.reminderKinds.${item.kind}`)}
        </Badge>
        {item.clientId && (
          <AnchorLink to={`/clients/${item.clientId}`} size="sm" c="dimmed">
            {item.clientName}
          </AnchorLink>
        )}
        {item.kind !== 'upcoming_date' && item.at && (
          <Text size="sm" c="dimmed">
            {formatDateTime(item.at, i18n.language)}
          </Text>
        )}
      </Group>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="subtle" onClick={onSnooze}>
          {t('today.snooze')}
        </Button>
      </Group>
    </Card>
  );
}

export function TodayRecordCard({
  item,
  onSnooze,
}: {
  item: TodayRecordOut;
  onSnooze: () => void;
}) {
  const { t, i18n } = useTranslation();
  const score =
    item.scoreType && item.scoreValue !== null
      ? `${item.scoreType.toUpperCase()} ${item.scoreValue}`
      : null;
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="today-record">
      <Group gap="xs" wrap="wrap">
        {score && (
          <Badge color="red" variant="light">
            {score}
          </Badge>
        )}
        {item.sentiment === 'negative' && (
          <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
            {t('text.sentiment.negative')}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {formatDateTime(item.receivedAt, i18n.language)}
        </Text>
      </Group>
      {item.text && (
        <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
      )}
      <Group gap="xs" mt="xs" wrap="wrap">
        {item.clientId && (
          <AnchorLink to={`/clients/${item.clientId}`} size="sm" c="dimmed">
            {item.clientName}
          </AnchorLink>
        )}
        <AnchorLink to={`/feedback/${item.id}`} size="sm">
          {t('today.open')}
        </AnchorLink>
        <Button size="xs" variant="subtle" onClick={onSnooze}>
          {t('today.snooze')}
        </Button>
      </Group>
    </Card>
  );
}
