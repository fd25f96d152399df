// The rows behind one scorecard value, with the columns their kind has (drill-columns.ts):
// feedback (ref, date, client, score, label, text), transactions (amount, product), cases,
// calls, KPI values, invitations, clients; eNPS only as score → how many answers (individual
// answers are never listed). A table on a wide screen, a card per row on a phone.
import { Box, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillKind, DrillRowOut } from '../../api/scorecard-layers.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { ClientLink } from '../../components/ClientLink.tsx';
import { formatDateTime } from '../../format.ts';
import { calendarDate } from '../economics/format.ts';
import { columnHeading, drillColumns, drillUnit, REF_PAGE, type Column } from './drill-columns.ts';
import { formatValue, periodName } from './layer-format.ts';

function shownDate(at: string | null, kind: DrillKind, t: TFunction, lng: string): string {
  if (!at) return '—';
  // A KPI value is a month's: its first day names the month.
  if (kind === 'kpi_values') return periodName(at.slice(0, 7), t, lng);
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
      return shownDate(row.at, kind, t, lng);
    case 'client':
      if (!row.clientId) return row.clientName ?? '—';
      // Rows that carry only the id (cases, calls) get the name from the client's own page data.
      return row.clientName ? (
        <AnchorLink to={`/clients/${row.clientId}`} size="sm">
          {row.clientName}
        </AnchorLink>
      ) : (
        <ClientLink clientId={row.clientId} />
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
      if (!row.label) return '—';
      // Words of the drill-down, else a case status (the backlog's rows), else the word itself.
      return t(`scorecard.drill.labels.${row.label}`, {
        defaultValue: t(`cases.status.${row.label}`, { defaultValue: row.label }),
      });
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
  const columns = drillColumns(kind, metric);
  const heading = (c: Column) => t(`scorecard.drill.columns.${columnHeading(kind, c)}`);
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
