// Create or edit a journey stage: key (on creation only: it never changes), names in Russian and
// English, order, process owner, and targets for NPS, CSAT and CES (empty = no target).
import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createStage,
  putStageTargets,
  updateStage,
  type StageOut,
  type StageTarget,
} from '../../api/stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUsers } from '../../components/useUsers.ts';
import { isInvalidField } from '../../format.ts';

/** The targets this form edits; other metric keys a stage has (set by API) are kept. */
const FORM_METRICS = [
  { metric: 'nps', direction: 'up' },
  { metric: 'csat', direction: 'up' },
  { metric: 'ces', direction: 'down' },
] as const;

export function StageModal({
  stage,
  onClose,
  onSaved,
}: {
  stage: StageOut | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const users = useUsers();
  const current = stage === 'new' ? undefined : stage;
  const [form, setForm] = useState({
    key: current?.key ?? '',
    nameRu: current?.nameRu ?? '',
    nameEn: current?.nameEn ?? '',
    position: current?.position ?? ('' as number | ''),
    ownerId: current?.ownerId ?? '',
  });
  const [targets, setTargets] = useState<Record<string, number | ''>>(
    Object.fromEntries(
      FORM_METRICS.map(({ metric }) => [
        metric,
        current?.targets.find((x) => x.metric === metric)?.target ?? '',
      ]),
    ),
  );
  const save = useMutation({
    mutationFn: async () => {
      const chosen: StageTarget[] = [
        ...(current?.targets.filter((x) => !FORM_METRICS.some((m) => m.metric === x.metric)) ?? []),
        ...FORM_METRICS.filter(({ metric }) => targets[metric] !== '').map(
          ({ metric, direction }) => ({ metric, direction, target: Number(targets[metric]) }),
        ),
      ];
      const fields = {
        nameRu: form.nameRu.trim() || undefined,
        nameEn: form.nameEn.trim() || undefined,
        position: form.position === '' ? undefined : form.position,
        ownerId: form.ownerId || null,
      };
      if (!current) return createStage({ key: form.key, ...fields, targets: chosen });
      await updateStage(current.id, fields);
      return putStageTargets(current.id, chosen);
    },
    onSuccess: onSaved,
  });
  const invalid = (field: string) =>
    isInvalidField(save.error, field) ? t('common.checkField') : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={current ? t('stages.edit') : t('stages.create')}
      size="md"
    >
      <form onSubmit={submit} data-testid="stage-form">
        <Stack gap="sm">
          <TextInput
            label={t('stages.key')}
            description={t('stages.keyHint')}
            name="key"
            required
            maxLength={100}
            readOnly={Boolean(current)}
            value={form.key}
            onChange={(e) => setForm({ ...form, key: e.currentTarget.value })}
            error={invalid('key')}
            data-autofocus
          />
          <TextInput
            label={t('stages.nameRu')}
            name="nameRu"
            maxLength={200}
            value={form.nameRu}
            onChange={(e) => setForm({ ...form, nameRu: e.currentTarget.value })}
          />
          <TextInput
            label={t('stages.nameEn')}
            name="nameEn"
            maxLength={200}
            value={form.nameEn}
            onChange={(e) => setForm({ ...form, nameEn: e.currentTarget.value })}
          />
          <NumberInput
            label={t('stages.position')}
            name="position"
            min={0}
            allowDecimal={false}
            value={form.position}
            onChange={(v) => setForm({ ...form, position: v === '' ? '' : Number(v) })}
          />
          <NativeSelect
            label={t('stages.owner')}
            name="ownerId"
            value={form.ownerId}
            onChange={(e) => setForm({ ...form, ownerId: e.currentTarget.value })}
            error={invalid('ownerId')}
            data={[
              { value: '', label: t('stages.noOwner') },
              ...users
                .filter((u) => !u.disabled || u.id === form.ownerId)
                .map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          {FORM_METRICS.map(({ metric, direction }) => (
            <NumberInput
              key={metric}
              label={`${t('stages.targetFor', { metric: t(`stages.metrics.${metric}`) })} (${t(`stages.direction.${direction}`)})`}
              name={`target-${metric}`}
              value={targets[metric]}
              onChange={(v) => setTargets({ ...targets, [metric]: v === '' ? '' : Number(v) })}
            />
          ))}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
