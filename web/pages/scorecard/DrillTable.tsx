// The rows behind one scorecard value, with the columns their kind has: feedback (ref, date,
// client, score, label, text), transactions (amount), cases, calls, KPI values, invitations,
// clients; eNPS only as score → how many answers (individual answers are never listed).
import { Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillKind, DrillRowOut, MetricUnit } from '../../api/scorecard-layers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDateTime } from '../../format.ts';
import { calendarDate } from '../economics/format.ts';
import { formatValue } from './layer-format.ts';

type Column = 'ref' | 'date' | 'client' | 'value' | 'label' | 'text' | 'count';

const COLUMNS: Record<DrillKind, readonly Column[]> = {
  feedback: ['ref', 'date', 'client', 'value', 'label', 'text'],
  transactions: ['ref', 'date', 'client', 'value', 'label'],
  cases: ['ref', 'date', 'client', 'value', 'label'],
  calls: ['date', 'client', 'value', 'label'],
  kpi_values: ['date', 'value', 'label'],
  invites: ['date', 'client', 'label'],
  clients: ['client', 'value', 'label'],
  enps_counts: ['value', 'count'],
};

/** What the value column holds for each kind (its heading). */
const VALUE_HEADING: Record<DrillKind, string> = {
  feedback: 'score',
  transactions: 'amount',
  cases: 'value',
  calls: 'value',
  kpi_values: 'value',
  invites: 'value',
  clients: 'value',
  enps_counts: 'score',
};

/** Where a row's reference leads, for the kinds that have a page. */
const REF_PAGE: Partial<Record<DrillKind, string>> = { feedback: '/feedback', cases: '/cases' };

/** The value's unit: amounts are money, case times minutes, waiting seconds; scores bare. */
export function drillUnit(kind: DrillKind, metric: string): MetricUnit | null {
  if (kind === 'transactions') return 'money';
  if (metric.endsWith('_minutes')) return 'minutes';
  if (metric.endsWith('_seconds')) return 'seconds';
  return null;
}

function shownDate(at: string | null, lng: string): string {
  if (!at) return '—';
  return /^\d{4}-\d\d-\d\d$/.test(at) ? calendarDate(at, lng) : (formatDateTime(at, lng) ?? at);
}

function cell(
  column: Column,
  row: DrillRowOut,
  kind: DrillKind,
  shown: { metric: string; unitLabel: string | null },
  t: TFunction,
  lng: string,
): ReactNode {
  switch (column) {
    case 'ref': {
      const page = REF_PAGE[kind];
      const ref = row.ref ?? '—';
      return page ? (
        <AnchorLink to={`${page}/${row.id}`} size="sm">
          {ref}
        </AnchorLink>
      ) : (
        ref
      );
    }
    case 'date':
      return shownDate(row.at, lng);
    case 'client':
      return row.clientId ? (
        <AnchorLink to={`/clients/${row.clientId}`} size="sm">
          {row.clientName ?? '…'}
        </AnchorLink>
      ) : (
        (row.clientName ?? '—')
      );
    case 'value': {
      const unit = drillUnit(kind, shown.metric);
      return formatValue(
        { metric: shown.metric, unit, unitLabel: shown.unitLabel },
        row.value,
        t,
        lng,
      );
    }
    case 'label':
      return row.label
        ? t(`scorecard.drill.labels.${row.label}`, { defaultValue: row.label })
        : '—';
    case 'text':
      return row.text ? (
        <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {row.text}
        </Text>
      ) : (
        '—'
      );
    case 'count':
      return row.count ?? '—';
  }
}

export function DrillTable({
  kind,
  rows,
  metric,
  unitLabel,
}: {
  kind: DrillKind;
  rows: readonly DrillRowOut[];
  metric: string;
  unitLabel: string | null;
}) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const columns = COLUMNS[kind];
  const heading = (c: Column) =>
    t(`scorecard.drill.columns.${c === 'value' ? VALUE_HEADING[kind] : c}`);
  const show = (c: Column, row: DrillRowOut) =>
    cell(c, row, kind, { metric, unitLabel }, t, i18n.language);
  // On a phone each row is a small card (fields one under another, nothing to scroll sideways);
  // eNPS's two narrow columns stay a table.
  if (phone && kind !== 'enps_counts')
    return (
      <Stack gap="xs" data-testid="drill-table" data-kind={kind}>
        {rows.map((row) => (
          <Card key={`${row.id}-${row.value}`} withBorder padding="xs" data-testid="drill-row">
            {columns.map((c) => (
              <Group key={c} gap={6} wrap="nowrap" align="baseline">
                <Text size="xs" c="dimmed" w={84} style={{ flex: 'none' }}>
                  {heading(c)}
                </Text>
                <Box fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {show(c, row)}
                </Box>
              </Group>
            ))}
          </Card>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={columns.includes('text') ? 720 : 360}>
      <Table striped verticalSpacing="xs" data-testid="drill-table" data-kind={kind}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{heading(c)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.id}-${row.value}`} data-testid="drill-row">
              {columns.map((c) => (
                <Table.Td
                  key={c}
                  style={c === 'text' ? { minWidth: 240 } : { whiteSpace: 'nowrap' }}
                >
                  {show(c, row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
