// The fields of a special requirement, shared by the add form and the edit form on a card.
import { NativeSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  REQUIREMENT_CATEGORIES,
  REQUIREMENT_SOURCES,
  type RequirementOut,
} from '../../api/care.ts';
import { listEmployees } from '../../api/employees.ts';
import { isInvalidField } from '../../format.ts';

/** Form state: every field a string ('' = not set), as the inputs hold it. */
export interface RequirementDraft {
  category: RequirementOut['category'];
  source: RequirementOut['source'];
  text: string;
  product: string;
  stage: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** The employee who met the client (a requirement heard at a meeting). */
  employeeId: string;
}

export const EMPTY_REQUIREMENT: RequirementDraft = {
  category: 'delivery',
  source: 'meeting',
  text: '',
  product: '',
  stage: '',
  effectiveFrom: '',
  effectiveTo: '',
  employeeId: '',
};

export const draftOf = (r: RequirementOut): RequirementDraft => ({
  category: r.category,
  source: r.source,
  text: r.text,
  product: r.product ?? '',
  stage: r.stage ?? '',
  effectiveFrom: r.effectiveFrom ?? '',
  effectiveTo: r.effectiveTo ?? '',
  employeeId: r.employeeId ?? '',
});

export function RequirementFields({
  draft,
  onChange,
  error,
}: {
  draft: RequirementDraft;
  onChange: (d: RequirementDraft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<RequirementDraft>) => onChange({ ...draft, ...patch });
  const fieldError = (field: keyof RequirementDraft) =>
    isInvalidField(error, field) ? t('common.checkField') : undefined;
  const employees = useQuery({
    queryKey: ['employees', 'pick'],
    queryFn: () => listEmployees({ status: 'active', limit: 200 }),
    enabled: draft.source === 'meeting' || draft.employeeId !== '',
    staleTime: 60_000,
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          name="requirement-category"
          label={t('care.requirements.category')}
          value={draft.category}
          onChange={(e) => set({ category: e.currentTarget.value as RequirementDraft['category'] })}
          data={REQUIREMENT_CATEGORIES.map((c) => ({
            value: c,
            label: t(`care.requirements.categories.${c}`),
          }))}
        />
        <NativeSelect
          name="requirement-source"
          label={t('care.requirements.source')}
          value={draft.source}
          onChange={(e) => set({ source: e.currentTarget.value as RequirementDraft['source'] })}
          data={REQUIREMENT_SOURCES.map((s) => ({
            value: s,
            label: t(`care.requirements.sources.${s}`),
          }))}
        />
      </SimpleGrid>
      <Textarea
        required
        name="requirement-text"
        label={t('care.requirements.text')}
        autosize
        minRows={2}
        maxLength={4000}
        value={draft.text}
        error={fieldError('text')}
        onChange={(e) => set({ text: e.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('care.requirements.product')}
          maxLength={200}
          value={draft.product}
          error={fieldError('product')}
          onChange={(e) => set({ product: e.currentTarget.value })}
        />
        <TextInput
          label={t('care.requirements.stage')}
          maxLength={100}
          value={draft.stage}
          error={fieldError('stage')}
          onChange={(e) => set({ stage: e.currentTarget.value })}
        />
        {(draft.source === 'meeting' || draft.employeeId !== '') && (
          <Select
            name="requirement-employee"
            label={t('care.requirements.employee')}
            searchable
            clearable
            data={(employees.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={draft.employeeId || null}
            error={fieldError('employeeId')}
            onChange={(v) => set({ employeeId: v ?? '' })}
          />
        )}
        <TextInput
          type="date"
          label={t('care.requirements.effectiveFrom')}
          value={draft.effectiveFrom}
          error={fieldError('effectiveFrom')}
          onChange={(e) => set({ effectiveFrom: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('care.requirements.effectiveTo')}
          value={draft.effectiveTo}
          error={fieldError('effectiveTo')}
          onChange={(e) => set({ effectiveTo: e.currentTarget.value })}
        />
      </SimpleGrid>
    </Stack>
  );
}
