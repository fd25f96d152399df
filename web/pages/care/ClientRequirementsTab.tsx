// A client's special requirements: all of them (retire, restore, history) and the add form.
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addRequirement, REQUIREMENT_CATEGORIES, REQUIREMENT_SOURCES, type RequirementOut } from '../../api/care.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RequirementList } from './RequirementList.tsx';

const EMPTY = { category: 'delivery' as RequirementOut['category'], source: 'meeting' as RequirementOut['source'], text: '', product: '', stage: '', effectiveFrom: '', effectiveTo: '' };

export function ClientRequirementsTab({ clientId, writable }: { clientId: string; writable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const opt = (v: string) => v.trim() || undefined;
  const add = useMutation({
    mutationFn: () =>
      addRequirement(clientId, {
        category: form.category, source: form.source, text: form.text.trim(), product: opt(form.product), stage: opt(form.stage),
        effectiveFrom: opt(form.effectiveFrom), effectiveTo: opt(form.effectiveTo),
      }),
    onSuccess: () => {
      setForm(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ['requirements', clientId] });
    },
  });

  return (
    <Stack gap="lg">
      <RequirementList clientId={clientId} manage={writable} />
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
              <NativeSelect label={t('care.requirements.category')} value={form.category} onChange={(e) => setForm({ ...form, category: e.currentTarget.value as RequirementOut['category'] })} data={REQUIREMENT_CATEGORIES.map((c) => ({ value: c, label: t(`care.requirements.categories.${c}`) }))} />
              <NativeSelect label={t('care.requirements.source')} value={form.source} onChange={(e) => setForm({ ...form, source: e.currentTarget.value as RequirementOut['source'] })} data={REQUIREMENT_SOURCES.map((s) => ({ value: s, label: t(`care.requirements.sources.${s}`) }))} />
            </SimpleGrid>
            <Textarea required name="requirement-text" label={t('care.requirements.text')} autosize minRows={2} maxLength={4000} value={form.text} onChange={(e) => setForm({ ...form, text: e.currentTarget.value })} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('care.requirements.product')} maxLength={200} value={form.product} onChange={(e) => setForm({ ...form, product: e.currentTarget.value })} />
              <TextInput label={t('care.requirements.stage')} maxLength={100} value={form.stage} onChange={(e) => setForm({ ...form, stage: e.currentTarget.value })} />
              <TextInput type="date" label={t('care.requirements.effectiveFrom')} value={form.effectiveFrom} onChange={(e) => setForm({ ...form, effectiveFrom: e.currentTarget.value })} />
              <TextInput type="date" label={t('care.requirements.effectiveTo')} value={form.effectiveTo} onChange={(e) => setForm({ ...form, effectiveTo: e.currentTarget.value })} />
            </SimpleGrid>
            <Group><Button type="submit" loading={add.isPending}>{t('care.requirements.add')}</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
