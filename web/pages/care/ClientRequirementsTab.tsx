// A client's special requirements: all of them (edit, retire, restore, history) and the add form.
import { Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addRequirement } from '../../api/care.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EMPTY_REQUIREMENT, RequirementFields } from './RequirementFields.tsx';
import { RequirementList } from './RequirementList.tsx';

export function ClientRequirementsTab({
  clientId,
  writable,
}: {
  clientId: string;
  writable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY_REQUIREMENT);
  const opt = (v: string) => v.trim() || undefined;
  const add = useMutation({
    mutationFn: () =>
      addRequirement(clientId, {
        category: form.category,
        source: form.source,
        text: form.text.trim(),
        product: opt(form.product),
        stage: opt(form.stage),
        effectiveFrom: opt(form.effectiveFrom),
        effectiveTo: opt(form.effectiveTo),
        employeeId: opt(form.employeeId),
      }),
    onSuccess: () => {
      setForm(EMPTY_REQUIREMENT);
      void queryClient.invalidateQueries({ queryKey: ['requirements', clientId] });
    },
  });

  return (
    <Stack gap="lg">
      <RequirementList clientId={clientId} manage={writable} />
      {writable && (
        <form
          data-testid="requirement-add"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Stack gap="sm" maw={560}>
            <ErrorAlert error={add.error} />
            <RequirementFields draft={form} onChange={setForm} error={add.error} />
            <Group>
              <Button type="submit" loading={add.isPending}>
                {t('care.requirements.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
