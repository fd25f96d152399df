// The fields of an important date, shared by the add form and the edit form on a date's card.
import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATE_KINDS, type DateOut } from '../../api/care.ts';
import type { ContactOut } from '../../api/clients.ts';
import { isInvalidField } from '../../format.ts';

export interface DateDraft {
  kind: DateOut['kind'];
  date: string;
  title: string;
  recurring: boolean;
  /** '' = the client as a whole. */
  contactId: string;
}

export const EMPTY_DATE: DateDraft = {
  kind: 'birthday',
  date: '',
  title: '',
  recurring: true,
  contactId: '',
};
export const dateDraftOf = (d: DateOut): DateDraft => ({
  kind: d.kind,
  date: d.date,
  title: d.title,
  recurring: d.recurring,
  contactId: d.contactId ?? '',
});

export function DateFields({
  draft,
  onChange,
  contacts,
  error,
}: {
  draft: DateDraft;
  onChange: (d: DateDraft) => void;
  contacts: ContactOut[];
  error: unknown;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<DateDraft>) => onChange({ ...draft, ...patch });
  const fieldError = (field: keyof DateDraft) =>
    isInvalidField(error, field) ? t('common.checkField') : undefined;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          name="date-kind"
          label={t('care.dates.kind')}
          value={draft.kind}
          onChange={(e) => set({ kind: e.currentTarget.value as DateDraft['kind'] })}
          data={DATE_KINDS.map((k) => ({ value: k, label: t(`care.dates.kinds.${k}`) }))}
        />
        <TextInput
          name="date-date"
          type="date"
          required
          label={t('care.dates.date')}
          value={draft.date}
          error={fieldError('date')}
          onChange={(e) => set({ date: e.currentTarget.value })}
        />
      </SimpleGrid>
      <TextInput
        name="date-title"
        required
        label={t('care.dates.titleField')}
        maxLength={200}
        value={draft.title}
        error={fieldError('title')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <NativeSelect
        name="date-contact"
        label={t('care.dates.contact')}
        value={draft.contactId}
        error={fieldError('contactId')}
        onChange={(e) => set({ contactId: e.currentTarget.value })}
        data={[
          { value: '', label: t('care.dates.noContact') },
          ...contacts.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
      <Checkbox
        name="date-recurring"
        label={t('care.dates.recurring')}
        checked={draft.recurring}
        onChange={(e) => set({ recurring: e.currentTarget.checked })}
      />
    </Stack>
  );
}
