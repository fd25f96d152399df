// Editing a requirement in place on its card. Only the changed fields are sent, so the new
// version's audit names what really changed; an unchanged form just closes.
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateRequirement, type RequirementOut } from '../../api/care.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { draftOf, RequirementFields, type RequirementDraft } from './RequirementFields.tsx';

/** The PATCH body: fields that differ from the stored requirement ('' clears an optional one). */
export function requirementChanges(item: RequirementOut, draft: RequirementDraft) {
  const before = draftOf(item);
  const changes: Record<string, string | null> = {};
  for (const key of Object.keys(draft) as (keyof RequirementDraft)[]) {
    const value = draft[key].trim();
    if (value === before[key].trim()) continue;
    changes[key] = value === '' && key !== 'text' ? null : value;
  }
  return changes;
}

export function RequirementEditForm({
  item,
  onDone,
}: {
  item: RequirementOut;
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(item));
  const save = useMutation({
    mutationFn: async () => {
      const changes = requirementChanges(item, draft);
      if (Object.keys(changes).length === 0) return false;
      await updateRequirement(item.id, changes as Parameters<typeof updateRequirement>[1]);
      return true;
    },
    onSuccess: (changed) => onDone(changed),
  });
  return (
    <form
      data-testid="requirement-edit"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={720}>
        <ErrorAlert error={save.error} />
        <RequirementFields draft={draft} onChange={setDraft} error={save.error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={save.isPending}>
            {t('care.requirements.saveVersion')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => onDone(false)}>
            {t('care.card.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
