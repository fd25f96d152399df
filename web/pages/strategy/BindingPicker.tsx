// The live metric a KPI follows: a metric of the registry (GET /api/v1/strategy/metrics) and the
// parameters it takes — a stage from the registry of stages, a window, a scorecard metric key, a
// portfolio cell.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listStages, stageName } from '../../api/stages.ts';
import type { BindableMetricsOut } from '../../api/strategy.ts';

export interface BindingDraft {
  metric: string;
  params: Record<string, string | undefined>;
}

const LEVELS = ['low', 'medium', 'high'] as const;

export function BindingPicker({
  registry,
  value,
  onChange,
  disabled,
}: {
  registry: BindableMetricsOut;
  value: BindingDraft;
  onChange: (v: BindingDraft) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const entry = registry.items.find((m) => m.key === value.metric);
  const set = (name: string, v: string | null) =>
    onChange({ ...value, params: { ...value.params, [name]: v || undefined } });
  const choose = (metric: string | null) => {
    const next = registry.items.find((m) => m.key === metric);
    if (!next) return;
    const keep = Object.fromEntries(
      Object.entries(value.params).filter(([k]) => next.params.some((p) => p.name === k)),
    );
    const windowed = next.params.some((p) => p.name === 'window');
    onChange({ metric: next.key, params: windowed ? { window: 'last_month', ...keep } : keep });
  };
  const label = (name: string, required: boolean) =>
    `${t(`strategy.binding.params.${name}`)}${required ? '' : ` ${t('strategy.binding.optional')}`}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('strategy.binding.metric')}
        data={registry.items.map((m) => ({
          value: m.key,
          label: lng.startsWith('ru') ? m.labelRu : m.labelEn,
        }))}
        value={value.metric}
        onChange={choose}
        allowDeselect={false}
        searchable
        disabled={disabled}
        data-testid="binding-metric"
      />
      {entry?.params.map((p) => {
        const common = {
          key: p.name,
          label: label(p.name, p.required),
          disabled,
          value: value.params[p.name] ?? null,
        };
        if (p.name === 'stage')
          return (
            <Select
              {...common}
              data={(stages.data?.items ?? []).map((s) => ({
                value: s.key,
                label: stageName(s, lng),
              }))}
              onChange={(v) => set('stage', v)}
              clearable={!p.required}
              searchable
              data-testid="binding-stage"
            />
          );
        if (p.name === 'window')
          return (
            <Select
              {...common}
              data={registry.windows.map((w) => ({
                value: w,
                label: t(`strategy.binding.windows.${w}`),
              }))}
              onChange={(v) => set('window', v)}
              allowDeselect={false}
            />
          );
        if (p.name === 'metric')
          return (
            <TextInput
              {...common}
              value={value.params.metric ?? ''}
              placeholder="retention, cases.ack_minutes, kpi:…"
              onChange={(e) => set('metric', e.currentTarget.value)}
            />
          );
        return (
          <Select
            {...common}
            data={LEVELS.map((l) => ({ value: l, label: t(`strategy.binding.levels.${l}`) }))}
            onChange={(v) => set(p.name, v)}
          />
        );
      })}
    </SimpleGrid>
  );
}
