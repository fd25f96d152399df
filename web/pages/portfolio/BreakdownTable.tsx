// One score's breakdown — no black box: each input's raw value, its percentile among the
// organisation's clients, its weight (and the weight after missing inputs' weights were shared)
// and the points it adds; the points sum to the score.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BreakdownItem } from '../../api/portfolio.ts';
import { money, num, percent } from '../economics/format.ts';
import { score } from './cells.ts';

/** An input's raw value in its own unit (shared/api/portfolio.ts breakdownItem.raw). */
export function rawValue(
  input: string,
  raw: number | null,
  lng: string,
  years: (v: string) => string,
) {
  if (raw === null) return null;
  switch (input) {
    case 'revenue':
      return money(raw, lng, 0);
    case 'marginRate':
    case 'shareOfWallet':
    case 'paymentDiscipline':
      return percent(raw, lng, 1);
    case 'revenueGrowth':
      return (raw > 0 ? '+' : '') + percent(raw, lng, 1);
    case 'tenure':
      return years(num(raw, lng, 1));
    default:
      return num(raw, lng, 1);
  }
}

export function BreakdownTable({
  items,
  total,
  testId,
}: {
  items: BreakdownItem[];
  total: number;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const years = (value: string) => t('portfolio.years', { value });
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table striped withTableBorder fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('portfolio.breakdown.input')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.breakdown.raw')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.breakdown.percentile')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.breakdown.weight')}</Table.Th>
            <Table.Th ta="right">{t('portfolio.breakdown.points')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => {
            const shared = Math.abs(i.effectiveWeight - i.weight) > 1e-9;
            return (
              <Table.Tr key={i.input} data-testid={`breakdown-${i.input}`}>
                <Table.Td>{t(`portfolio.inputs.${i.input}`, { defaultValue: i.input })}</Table.Td>
                <Table.Td ta="right">
                  {rawValue(i.input, i.raw, lng, years) ?? (
                    <Text span c="dimmed" size="sm">
                      {t('portfolio.breakdown.absent')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {i.percentile === null ? '—' : score(i.percentile, lng)}
                </Table.Td>
                <Table.Td
                  ta="right"
                  title={
                    shared
                      ? t('portfolio.card.weightShared', {
                          from: score(i.weight, lng),
                          to: score(i.effectiveWeight, lng),
                        })
                      : undefined
                  }
                >
                  {shared
                    ? `${score(i.weight, lng)} → ${score(i.effectiveWeight, lng)}`
                    : score(i.weight, lng)}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {score(i.points, lng)}
                </Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Td colSpan={4} fw={600}>
              {t('portfolio.card.total')}
            </Table.Td>
            <Table.Td ta="right" fw={700} data-testid={`${testId}-total`}>
              {score(total, lng)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
