// Adding or editing a KPI of a goal (admins; others see it read-only): name, unit, target,
// direction, due date, and either a binding to a live metric (the registry's picker) or manual
// values entered with their dates (KpiValues).
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/strategy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { BindingPicker, type BindingDraft } from './BindingPicker.tsx';
import { KpiValues } from './KpiValues.tsx';

export interface KpiModalProps {
  goal: api.MapGoalOut;
  kpi: api.KpiOut | null;
  registry: api.BindableMetricsOut | undefined;
  writable: boolean;
  onClose: () => void;
  onSaved: () => Promise<void>;
}

export function KpiModal({ goal, kpi, registry, writable, onClose, onSaved }: KpiModalProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(kpi?.name ?? '');
  const [unit, setUnit] = useState(kpi?.unit ?? '');
  const [target, setTarget] = useState<number | string>(kpi?.target ?? '');
  const [direction, setDirection] = useState<'up' | 'down'>(kpi?.direction ?? 'up');
  const [dueDate, setDueDate] = useState(kpi?.dueDate ?? '');
  const [source, setSource] = useState<'manual' | 'bound'>(kpi?.source ?? 'bound');
  const [binding, setBinding] = useState<BindingDraft>(
    kpi?.binding ?? { metric: registry?.items[0]?.key ?? '', params: { window: 'last_month' } },
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        name,
        unit: unit.trim() || null,
        target: target === '' ? null : Number(target),
        direction,
        dueDate: dueDate || null,
        binding: source === 'bound' ? binding : null,
      };
      if (kpi) await api.updateKpi(kpi.id, body);
      else await api.createKpi(goal.id, body);
      await onSaved();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!kpi || !window.confirm(t('strategy.kpi.confirmDelete'))) return;
    await api.deleteKpi(kpi.id).then(onSaved, setError);
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${goal.title} — ${t(kpi ? 'strategy.kpi.edit' : 'strategy.kpi.add')}`}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('strategy.kpi.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          disabled={!writable}
          data-testid="kpi-name"
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('strategy.kpi.target')}
            value={target}
            onChange={setTarget}
            disabled={!writable}
            data-testid="kpi-target"
          />
          <TextInput
            label={t('strategy.kpi.unit')}
            value={unit}
            onChange={(e) => setUnit(e.currentTarget.value)}
            disabled={!writable}
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('strategy.kpi.direction')}
            data={(['up', 'down'] as const).map((d) => ({
              value: d,
              label: t(`strategy.kpi.directions.${d}`),
            }))}
            value={direction}
            onChange={(v) => v && setDirection(v as 'up' | 'down')}
            allowDeselect={false}
            disabled={!writable}
          />
          <TextInput
            label={t('strategy.kpi.dueDate')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            disabled={!writable}
          />
        </Group>
        <SegmentedControl
          value={source}
          onChange={(v) => setSource(v as 'manual' | 'bound')}
          data={[
            { value: 'bound', label: t('strategy.kpi.bound') },
            { value: 'manual', label: t('strategy.kpi.manual') },
          ]}
          disabled={!writable}
          data-testid="kpi-source"
        />
        {source === 'bound' && registry && (
          <BindingPicker
            registry={registry}
            value={binding}
            onChange={setBinding}
            disabled={!writable}
          />
        )}
        {kpi?.current.window && (
          <Text size="xs" c="dimmed">
            {t('strategy.kpi.window', { label: kpi.current.window.label })}
          </Text>
        )}
        {kpi && kpi.source === 'manual' && source === 'manual' && (
          <KpiValues kpi={kpi} writable={writable} onChanged={onSaved} />
        )}
        <ErrorAlert error={error} />
        {writable && (
          <Group justify="space-between">
            {kpi ? (
              <Button variant="subtle" color="red" onClick={remove}>
                {t('strategy.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Button onClick={save} loading={busy} disabled={!name.trim()} data-testid="kpi-save">
              {t('strategy.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
