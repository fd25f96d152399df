// A client's important dates: list with the next occurrence, add, edit in place and delete.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDate, deleteDate, listDates, type DateOut } from '../../api/care.ts';
import type { ContactOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DateEditForm } from './DateEditForm.tsx';
import { DateFields, EMPTY_DATE } from './DateFields.tsx';

function DateCard({
  item,
  contacts,
  writable,
  onChanged,
}: {
  item: DateOut;
  contacts: ContactOut[];
  writable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({ mutationFn: () => deleteDate(item.id), onSuccess: onChanged });
  const contactName = contacts.find((c) => c.id === item.contactId)?.name;
  if (editing) {
    return (
      <Card withBorder padding="sm" radius="sm" data-testid="date">
        <DateEditForm
          item={item}
          contacts={contacts}
          onDone={(saved) => {
            setEditing(false);
            if (!saved) return;
            onChanged();
            notifications.show({ color: 'green', message: t('care.dates.saved') });
          }}
        />
      </Card>
    );
  }
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="date">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Group gap={6} mt={4} wrap="wrap">
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t(`care.dates.kinds.${item.kind}`)}
            </Badge>
            {!item.recurring && (
              <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {t('care.dates.once')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {item.date}
              {contactName ? ` · ${contactName}` : ''}
            </Text>
          </Group>
          <Text size="xs" mt={4}>
            {item.nextDate
              ? `${t('care.dates.next', { date: item.nextDate })} · ${item.daysUntil === 0 ? t('care.today') : t('care.inDays', { count: item.daysUntil ?? 0 })}`
              : t('care.dates.passed')}
          </Text>
          <ErrorAlert error={remove.error} />
        </div>
        {writable && (
          <Stack gap={4} style={{ flexShrink: 0 }} align="flex-end">
            <Button size="compact-xs" variant="light" onClick={() => setEditing(true)}>
              {t('care.dates.edit')}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('care.dates.delete')}
            </Button>
          </Stack>
        )}
      </Group>
    </Card>
  );
}

export function ClientDatesTab({
  clientId,
  contacts,
  writable,
}: {
  clientId: string;
  contacts: ContactOut[];
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dates = useQuery({ queryKey: ['dates', clientId], queryFn: () => listDates(clientId) });
  const [form, setForm] = useState(EMPTY_DATE);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['dates', clientId] });
  const add = useMutation({
    mutationFn: () =>
      addDate(clientId, {
        kind: form.kind,
        date: form.date,
        title: form.title.trim(),
        recurring: form.recurring,
        contactId: form.contactId || undefined,
      }),
    onSuccess: () => {
      setForm(EMPTY_DATE);
      refresh();
    },
  });
  const sorted = [...(dates.data?.items ?? [])].sort(
    (a, b) => (a.daysUntil ?? 1e9) - (b.daysUntil ?? 1e9),
  );

  return (
    <Stack gap="md">
      <ErrorAlert error={dates.error} />
      {dates.data && sorted.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('care.dates.empty')}
        </Text>
      )}
      <Stack gap="xs">
        {sorted.map((d) => (
          <DateCard
            key={d.id}
            item={d}
            contacts={contacts}
            writable={writable}
            onChanged={refresh}
          />
        ))}
      </Stack>
      {writable && (
        <form
          data-testid="date-add"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="sm" maw={560}>
            <ErrorAlert error={add.error} />
            <DateFields draft={form} onChange={setForm} contacts={contacts} error={add.error} />
            <Text size="xs" c="dimmed">
              {t('care.dates.leapRule')}
            </Text>
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('care.dates.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
