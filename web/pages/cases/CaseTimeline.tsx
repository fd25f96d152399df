// The case's history: its events (status changes, assignments, notes, SLA breaches, replies)
// merged with the messages sent for it, oldest first.
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../api/cases.ts';
import type { MessageOut } from '../../api/messaging.ts';
import type { UserOut } from '../../api/orgs.ts';
import { formatDateTime } from '../../format.ts';
import { messageFailureReason } from '../../components/message-reason.ts';
import { caseEventTitle as eventTitle } from './case-event-title.ts';
import { useResolutionCodes } from '../../components/useResolutionCodes.ts';

type Entry = { at: string; key: string; title: string; body: string | null; color: string };

const EVENT_COLOR: Record<string, string> = {
  opened: 'blue',
  status: 'violet',
  assigned: 'cyan',
  priority: 'orange',
  note: 'gray',
  sla_breached: 'red',
  client_reply: 'teal',
  reply_sent: 'indigo',
  resolution_code: 'green',
  tagged: 'grape',
};

/** Event bodies that are machine data (a user id, a priority, a rule name) are not shown as text. */
function eventBody(e: CaseEvent): string | null {
  if (e.kind === 'note' || e.kind === 'client_reply' || e.kind === 'reply_sent') return e.body;
  if (e.kind === 'status' && e.toStatus === 'resolved') return e.body;
  return null;
}

export function CaseTimeline({
  events,
  messages,
  users,
}: {
  events: CaseEvent[];
  messages: MessageOut[];
  users: UserOut[];
}) {
  const { t, i18n } = useTranslation();
  const reason = (m: MessageOut) => messageFailureReason(m, t);
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name;
  const codes = useResolutionCodes();
  const actor = (e: CaseEvent) =>
    e.actorType === 'user'
      ? userName(e.actorId)
      : t(`cases.timeline.actor.${e.actorType}`, { defaultValue: '' });
  const entries: Entry[] = [
    ...events.map((e) => ({
      at: e.createdAt,
      key: `e-${e.id}`,
      title: [eventTitle(e, t, userName, codes.nameOf), actor(e)].filter(Boolean).join(' · '),
      body: eventBody(e),
      color: EVENT_COLOR[e.kind] ?? 'gray',
    })),
    ...messages.map((m) => ({
      at: m.createdAt,
      key: `m-${m.id}`,
      title: `${t('cases.timeline.message', { kind: t(`templates.kinds.${m.kind}`), to: m.to })} · ${t(`templates.messageStatus.${m.status}`)}${reason(m) ? `: ${reason(m)}` : ''}`,
      body: m.subject,
      color: m.status === 'failed' ? 'red' : 'green',
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));

  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cases.timeline.empty')}
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} active={entries.length} data-testid="case-timeline">
      {entries.map((entry) => (
        <Timeline.Item
          key={entry.key}
          color={entry.color}
          title={
            <Text size="sm" fw={600}>
              {entry.title}
            </Text>
          }
        >
          {entry.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.body}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.at, i18n.language)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
