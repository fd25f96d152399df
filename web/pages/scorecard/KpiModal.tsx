// Define a process KPI or change its definition: key (on creation only), names, unit, whether
// higher or lower is better, and a default target (a stage's target for the key comes first).
import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { putKpi, type KpiOut } from '../../api/scorecard.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { isInvalidField } from '../../format.ts';

export function KpiModal(props: { kpi: KpiOut | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const current = props.kpi === 'new' ? undefined : props.kpi;
  const [form, setForm] = useState({
    key: current?.key ?? '',
    name: current?.name ?? '',
    nameEn: current?.nameEn ?? '',
    unit: current?.unit ?? '',
    direction: current?.direction ?? 'up',
    target: current?.target ?? ('' as number | ''),
  });
  const save = useMutation({
    mutationFn: () =>
      putKpi(form.key.trim(), {
        name: form.name,
        nameEn: form.nameEn.trim() || null,
        unit: form.unit.trim() || null,
        direction: form.direction,
        target: form.target === '' ? null : form.target,
      }),
    onSuccess: props.onSaved,
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(current ? 'scorecard.editKpi' : 'scorecard.defineKpi')}
    >
      <form onSubmit={submit} data-testid="kpi-form">
        <Stack gap="sm">
          <TextInput
            label={t('scorecard.kpiKey')}
            description={t('scorecard.kpiKeyHint')}
            name="key"
            required
            maxLength={64}
            readOnly={Boolean(current)}
            value={form.key}
            onChange={(e) => set({ key: e.currentTarget.value })}
            error={isInvalidField(save.error, 'key') ? t('common.checkField') : undefined}
            data-autofocus
          />
          <TextInput
            label={t('scorecard.kpiName')}
            name="name"
            required
            maxLength={200}
            value={form.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
          />
          <TextInput
            label={t('scorecard.kpiNameEn')}
            name="nameEn"
            maxLength={200}
            value={form.nameEn}
            onChange={(e) => set({ nameEn: e.currentTarget.value })}
          />
          <TextInput
            label={t('scorecard.unit')}
            name="unit"
            maxLength={30}
            value={form.unit}
            onChange={(e) => set({ unit: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('scorecard.direction')}
            name="direction"
            value={form.direction}
            onChange={(e) => set({ direction: e.currentTarget.value as 'up' | 'down' })}
            data={[
              { value: 'up', label: t('scorecard.directions.up') },
              { value: 'down', label: t('scorecard.directions.down') },
            ]}
          />
          <NumberInput
            label={t('scorecard.defaultTarget')}
            name="target"
            value={form.target}
            onChange={(v) => set({ target: v === '' ? '' : Number(v) })}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
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
