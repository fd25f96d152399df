// Editing an important date in place on its card; only changed fields are sent.
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateDate, type DateOut } from '../../api/care.ts';
import type { ContactOut } from '../../api/clients.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DateFields, dateDraftOf, type DateDraft } from './DateFields.tsx';

export function dateChanges(item: DateOut, draft: DateDraft): Parameters<typeof updateDate>[1] {
  const before = dateDraftOf(item);
  return {
    ...(draft.kind !== before.kind ? { kind: draft.kind } : {}),
    ...(draft.date !== before.date ? { date: draft.date } : {}),
    ...(draft.title.trim() !== before.title ? { title: draft.title.trim() } : {}),
    ...(draft.recurring !== before.recurring ? { recurring: draft.recurring } : {}),
    ...(draft.contactId !== before.contactId ? { contactId: draft.contactId || null } : {}),
  };
}

export function DateEditForm({
  item,
  contacts,
  onDone,
}: {
  item: DateOut;
  contacts: ContactOut[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => dateDraftOf(item));
  const save = useMutation({
    mutationFn: async () => {
      const changes = dateChanges(item, draft);
      if (Object.keys(changes).length === 0) return false;
      await updateDate(item.id, changes);
      return true;
    },
    onSuccess: onDone,
  });
  return (
    <form
      data-testid="date-edit"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={720}>
        <ErrorAlert error={save.error} />
        <DateFields draft={draft} onChange={setDraft} contacts={contacts} error={save.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('care.card.save')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => onDone(false)}>
            {t('care.card.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
