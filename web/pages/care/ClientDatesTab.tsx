// A client's important dates: list with the next occurrence, add and delete.
import { Badge, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDate, DATE_KINDS, deleteDate, listDates, type DateOut } from '../../api/care.ts';
import type { ContactOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const EMPTY = { kind: 'birthday' as DateOut['kind'], date: '', title: '', recurring: true, contactId: '' };

export function ClientDatesTab({ clientId, contacts, writable }: { clientId: string; contacts: ContactOut[]; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const dates = useQuery({ queryKey: ['dates', clientId], queryFn: () => listDates(clientId) });
  const [form, setForm] = useState(EMPTY);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['dates', clientId] });
  const add = useMutation({
    mutationFn: () => addDate(clientId, { kind: form.kind, date: form.date, title: form.title.trim(), recurring: form.recurring, contactId: form.contactId || undefined }),
    onSuccess: () => {
      setForm(EMPTY);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: deleteDate, onSuccess: refresh });
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name;
  const sorted = [...(dates.data?.items ?? [])].sort((a, b) => (a.daysUntil ?? 1e9) - (b.daysUntil ?? 1e9));

  return (
    <Stack gap="md">
      <ErrorAlert error={dates.error ?? remove.error} />
      {dates.data && sorted.length === 0 && <Text c="dimmed" size="sm">{t('care.dates.empty')}</Text>}
      <Stack gap="xs">
        {sorted.map((d) => (
          <Card key={d.id} withBorder padding="sm" radius="sm" data-testid="date">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>{d.title}</Text>
                <Group gap={6} mt={4} wrap="wrap">
                  <Badge variant="light" style={{ textTransform: 'none' }}>{t(`care.dates.kinds.${d.kind}`)}</Badge>
                  <Text size="xs" c="dimmed">{d.date}{contactName(d.contactId) ? ` · ${contactName(d.contactId)}` : ''}</Text>
                </Group>
                <Text size="xs" mt={4}>
                  {d.nextDate ? `${t('care.dates.next', { date: d.nextDate })} · ${d.daysUntil === 0 ? t('care.today') : t('care.inDays', { count: d.daysUntil ?? 0 })}` : t('care.dates.passed')}
                </Text>
              </div>
              {writable && <Button size="compact-xs" variant="subtle" color="red" style={{ flexShrink: 0 }} onClick={() => remove.mutate(d.id)}>{t('care.dates.delete')}</Button>}
            </Group>
          </Card>
        ))}
      </Stack>
      {writable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="sm" maw={560}>
            <ErrorAlert error={add.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect label={t('care.dates.kind')} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as DateOut['kind'] })} data={DATE_KINDS.map((k) => ({ value: k, label: t(`care.dates.kinds.${k}`) }))} />
              <TextInput type="date" required label={t('care.dates.date')} value={form.date} onChange={(e) => setForm({ ...form, date: e.currentTarget.value })} />
            </SimpleGrid>
            <TextInput required label={t('care.dates.titleField')} maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} />
            <NativeSelect label={t('care.dates.contact')} value={form.contactId} onChange={(e) => setForm({ ...form, contactId: e.currentTarget.value })} data={[{ value: '', label: t('care.dates.noContact') }, ...contacts.map((c) => ({ value: c.id, label: c.name }))]} />
            <Checkbox label={t('care.dates.recurring')} checked={form.recurring} onChange={(e) => setForm({ ...form, recurring: e.currentTarget.checked })} />
            <Text size="xs" c="dimmed">{t('care.dates.leapRule')}</Text>
            <Group><Button type="submit" loading={add.isPending}>{t('care.dates.add')}</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
