// A manual KPI's history: the values entered with their days, newest first, and a new entry (a
// day already there is replaced).
import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/strategy.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export function KpiValues({
  kpi,
  writable,
  onChanged,
}: {
  kpi: api.KpiOut;
  writable: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['strategy', 'values', kpi.id];
  const values = useQuery({ queryKey: key, queryFn: () => api.listKpiValues(kpi.id) });
  const [onDate, setOnDate] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [error, setError] = useState<unknown>(null);
  const add = async () => {
    try {
      await api.putKpiValue(kpi.id, { onDate, value: Number(value) });
      setValue('');
      setError(null);
      await client.invalidateQueries({ queryKey: key });
      await onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('strategy.kpi.values')}
      </Text>
      {writable && (
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label={t('strategy.kpi.onDate')}
            value={onDate}
            onChange={(e) => setOnDate(e.currentTarget.value)}
          />
          <NumberInput
            label={t('strategy.kpi.value')}
            value={value}
            onChange={setValue}
            w={140}
            data-testid="kpi-value"
          />
          <Button variant="light" onClick={add} disabled={!onDate || value === ''}>
            {t('strategy.kpi.addValue')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} />
      <Table>
        <Table.Tbody>
          {(values.data?.items ?? []).map((v) => (
            <Table.Tr key={v.onDate}>
              <Table.Td>{v.onDate}</Table.Td>
              <Table.Td ta="right">{v.value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
