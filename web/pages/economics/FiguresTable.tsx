// The profit formula's figures as a table (A, B, change) — the tree's numbers in rows, the form
// that is exported to CSV / XLSX.
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FORMULA_FIGURES, type WindowFigures } from './formula.ts';
import { formatChange, formatFigure } from './format.ts';

export function FiguresTable({
  a,
  b,
  aLabel,
  bLabel,
  appnLabel,
}: {
  a: WindowFigures;
  b: WindowFigures;
  aLabel: string;
  bLabel: string;
  appnLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder fz="sm" data-testid="figures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('economics.formula.figure')}</Table.Th>
            <Table.Th ta="right">A · {aLabel}</Table.Th>
            <Table.Th ta="right">B · {bLabel}</Table.Th>
            <Table.Th ta="right">{t('economics.formula.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FORMULA_FIGURES.map(([key, kind]) => (
            <Table.Tr key={key}>
              <Table.Td>{key === 'appn' ? appnLabel : t(`economics.figures.${key}`)}</Table.Td>
              <Table.Td ta="right">{formatFigure(kind, a[key], lng)}</Table.Td>
              <Table.Td ta="right">{formatFigure(kind, b[key], lng)}</Table.Td>
              <Table.Td ta="right">
                {formatChange(kind, a[key], b[key], lng, t('economics.pp'))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
