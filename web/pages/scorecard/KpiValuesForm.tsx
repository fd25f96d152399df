// Enter a KPI's value for a stage and month, or paste many lines (stage; month; value; target)
// copied from a spreadsheet; all or nothing, as the API does. The values entered so far below.
import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../format.ts';
import { listKpiValues, putKpiValues, type KpiOut, type KpiValueIn } from '../../api/scorecard.ts';
import { listStages, stageName } from '../../api/stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Pasted lines → values: cells split by tab, `;` or `,`+space; a decimal comma becomes a point. */
export function parsePasted(text: string): KpiValueIn[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [stage = '', period = '', value = '', target] = line.split(/\t|;/).map((c) => c.trim());
      const num = (s: string) => Number(s.replace(/\s/g, '').replace(',', '.').replace(/%$/, ''));
      return { stage, period, value: num(value), ...(target ? { target: num(target) } : {}) };
    });
}

export function KpiValuesForm({ kpis, canWrite }: { kpis: KpiOut[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const stages = useQuery({ queryKey: ['stages'], queryFn: listStages });
  const [kpi, setKpi] = useState(kpis[0]?.key ?? '');
  const key = kpis.some((k) => k.key === kpi) ? kpi : (kpis[0]?.key ?? '');
  const stageItems = stages.data?.items ?? [];
  const [form, setForm] = useState({
    stage: '',
    period: thisMonth(),
    value: '' as number | '',
    target: '' as number | '',
  });
  const [pasted, setPasted] = useState('');
  const values = useQuery({
    queryKey: ['kpi-values', key],
    queryFn: () => listKpiValues(key),
    enabled: key !== '',
  });
  const save = useMutation({
    mutationFn: (items: KpiValueIn[]) => putKpiValues(key, items),
    onSuccess: () => {
      setPasted('');
      void queryClient.invalidateQueries({ queryKey: ['kpi-values', key] });
      void queryClient.invalidateQueries({ queryKey: ['scorecard'] });
    },
  });
  const stageKey = form.stage || stageItems[0]?.key || '';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.value === '') return;
    save.mutate([
      {
        stage: stageKey,
        period: form.period,
        value: form.value,
        ...(form.target === '' ? {} : { target: form.target }),
      },
    ]);
  }
  const nameOf = (k: string) => stageItems.find((s) => s.key === k);
  if (kpis.length === 0) return <Text c="dimmed">{t('scorecard.noKpisYet')}</Text>;
  return (
    <Stack gap="sm">
      <NativeSelect
        name="kpi"
        label={t('scorecard.kpi')}
        value={key}
        onChange={(e) => setKpi(e.currentTarget.value)}
        data={kpis.map((k) => ({
          value: k.key,
          label: (i18n.language.startsWith('en') && k.nameEn) || k.name,
        }))}
      />
      {canWrite && (
        <form onSubmit={submit} data-testid="kpi-value-form">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              name="stage"
              label={t('scorecard.stage')}
              value={stageKey}
              onChange={(e) => setForm({ ...form, stage: e.currentTarget.value })}
              data={stageItems.map((s) => ({ value: s.key, label: stageName(s, i18n.language) }))}
            />
            <TextInput
              type="month"
              name="period"
              label={t('scorecard.month')}
              required
              value={form.period}
              onChange={(e) => setForm({ ...form, period: e.currentTarget.value })}
              w={150}
            />
            <NumberInput
              name="value"
              label={t('scorecard.value')}
              required
              value={form.value}
              onChange={(v) => setForm({ ...form, value: v === '' ? '' : Number(v) })}
              w={110}
              decimalSeparator=","
            />
            <NumberInput
              name="target"
              label={t('scorecard.ownTarget')}
              value={form.target}
              onChange={(v) => setForm({ ...form, target: v === '' ? '' : Number(v) })}
              w={110}
              decimalSeparator=","
            />
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </form>
      )}
      {canWrite && (
        <Stack gap={4}>
          <Textarea
            name="pasted"
            label={t('scorecard.paste')}
            description={t('scorecard.pasteHint')}
            autosize
            minRows={2}
            value={pasted}
            onChange={(e) => setPasted(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="light"
              disabled={!pasted.trim()}
              onClick={() => save.mutate(parsePasted(pasted))}
            >
              {t('scorecard.savePasted')}
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert error={save.error ?? values.error} />
      <Table.ScrollContainer minWidth={300}>
        <Table striped data-testid="kpi-values">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scorecard.month')}</Table.Th>
              <Table.Th>{t('scorecard.stage')}</Table.Th>
              <Table.Th>{t('scorecard.value')}</Table.Th>
              <Table.Th>{t('scorecard.ownTarget')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...(values.data?.items ?? [])].reverse().map((v) => {
              const s = nameOf(v.stage);
              return (
                <Table.Tr key={`${v.stage}-${v.period}`}>
                  <Table.Td>{formatPeriod(v.period, i18n.language, t)}</Table.Td>
                  <Table.Td>{s ? stageName(s, i18n.language) : v.stage}</Table.Td>
                  <Table.Td>{v.value}</Table.Td>
                  <Table.Td>{v.target ?? '—'}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
