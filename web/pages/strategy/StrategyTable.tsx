// The strategy map as a table: one row per KPI (a goal without KPIs gets one row), goals in the
// map's order, bottom band first as the map is read: learning → processes → clients → financial.
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiOut, MapGoalOut, StrategyMapOut } from '../../api/strategy.ts';
import { formatFigure, statusColor } from './format.ts';

export interface TableProps {
  map: StrategyMapOut;
  unitOf: (kpi: KpiOut) => string | undefined;
  onGoal: (goal: MapGoalOut) => void;
  onKpi: (kpi: KpiOut) => void;
}

export function StrategyTable({ map, unitOf, onGoal, onKpi }: TableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rows = map.perspectives.flatMap((p) =>
    map.goals
      .filter((g) => g.perspective === p)
      .flatMap((g): { g: MapGoalOut; k: KpiOut | null }[] =>
        g.kpis.length ? g.kpis.map((k) => ({ g, k })) : [{ g, k: null }],
      ),
  );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="strategy-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('strategy.table.perspective')}</Table.Th>
            <Table.Th>{t('strategy.table.goal')}</Table.Th>
            <Table.Th>{t('strategy.table.kpi')}</Table.Th>
            <Table.Th ta="right">{t('strategy.table.value')}</Table.Th>
            <Table.Th ta="right">{t('strategy.table.target')}</Table.Th>
            <Table.Th>{t('strategy.table.status')}</Table.Th>
            <Table.Th>{t('strategy.table.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ g, k }) => (
            <Table.Tr key={`${g.id}-${k?.id ?? ''}`}>
              <Table.Td>{t(`strategy.perspectives.${g.perspective}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="blue" style={{ cursor: 'pointer' }} onClick={() => onGoal(g)}>
                  {g.title}
                </Text>
              </Table.Td>
              <Table.Td>
                {k ? (
                  <Text size="sm" c="blue" style={{ cursor: 'pointer' }} onClick={() => onKpi(k)}>
                    {k.name}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('strategy.noKpis')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {k ? formatFigure(k.current.value, unitOf(k), lng, k.unit) : ''}
              </Table.Td>
              <Table.Td ta="right">{k ? formatFigure(k.target, unitOf(k), lng) : ''}</Table.Td>
              <Table.Td>
                {k?.status && (
                  <Badge color={statusColor(k.status)} variant="filled">
                    {t(`strategy.status.${k.status}`)}
                  </Badge>
                )}
                {k?.current.unavailable && (
                  <Text size="xs" c="dimmed">
                    {t(`strategy.unavailable.${k.current.unavailable}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{k?.current.window?.label ?? k?.current.onDate ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
