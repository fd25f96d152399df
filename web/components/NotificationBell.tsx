// The bell in the header (issue 21): my unread count, polled every 30 s, and a list newest first
// in plain words — who did what to which case — each opening its case (and marking it read);
// mark all read; which kinds to be told about.
import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BELL_POLL_MS,
  getNotifications,
  getNotificationSettings,
  markAllNotificationsRead,
  markNotificationRead,
  NOTIFICATION_KINDS,
  putNotificationSettings,
  type NotificationOut,
} from '../api/notifications.ts';
import { formatDateTime } from '../format.ts';
import { navigate } from '../router.tsx';

function BellGlyph() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The item in words: names and the case's number and title, never an id or a key. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  return (n: NotificationOut) => {
    const vars = {
      ref: n.caseRef,
      title: n.caseTitle,
      actor: n.actorName ?? '',
      when: formatDateTime(n.caseDueAt, i18n.language) ?? '',
    };
    if (n.kind === 'case_assigned' && n.actorName)
      return t('notifications.text.case_assigned_by', vars);
    return t(`notifications.text.${n.kind}`, vars);
  };
}

function Settings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['notification-settings'],
    queryFn: getNotificationSettings,
  });
  const save = useMutation({
    mutationFn: putNotificationSettings,
    onSuccess: (data) => queryClient.setQueryData(['notification-settings'], data),
  });
  const off = new Set(settings.data?.off ?? []);
  return (
    <Stack gap={4} data-testid="notification-settings">
      <Text size="xs" fw={600} c="dimmed">
        {t('notifications.settings')}
      </Text>
      {NOTIFICATION_KINDS.map((kind) => (
        <Checkbox
          key={kind}
          size="xs"
          label={t(`notifications.kinds.${kind}`)}
          checked={!off.has(kind)}
          disabled={!settings.data || save.isPending}
          onChange={(e) => {
            const next = new Set(off);
            if (e.currentTarget.checked) next.delete(kind);
            else next.add(kind);
            save.mutate({ off: [...next] });
          }}
        />
      ))}
    </Stack>
  );
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const text = useNotificationText();
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: getNotifications,
    refetchInterval: BELL_POLL_MS,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (n: NotificationOut) => {
    if (!n.readAt) readOne.mutate(n.id);
    setOpened(false);
    navigate(`/cases/${n.caseId}`);
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      shadow="md"
      width={360}
      // Opens at once: a list fading in over the page reads as a smudge for a moment.
      transitionProps={{ duration: 0 }}
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          offset={4}
          color="red"
          disabled={unread === 0}
          data-testid="bell-count"
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={
              unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
            }
            onClick={() => setOpened((o) => !o)}
            data-testid="bell"
          >
            <BellGlyph />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 16px)" p="xs" data-testid="bell-list">
        <Group justify="space-between" mb={4} wrap="nowrap">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
            data-testid="bell-read-all"
          >
            {t('notifications.markAll')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah="min(60vh, 420px)">
          {items.length === 0 && (
            <Text size="sm" c="dimmed" py="xs">
              {t('notifications.empty')}
            </Text>
          )}
          <Stack gap={2}>
            {items.map((n) => (
              <UnstyledButton
                key={n.id}
                onClick={() => open(n)}
                p={6}
                style={{
                  borderRadius: 4,
                  background: n.readAt ? undefined : 'var(--mantine-color-blue-light)',
                }}
                data-testid="bell-item"
                data-unread={n.readAt ? undefined : 'true'}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {text(n)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt, i18n.language)}
                  {n.readAt ? '' : ` · ${t('notifications.unread')}`}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Settings />
      </Popover.Dropdown>
    </Popover>
  );
}
