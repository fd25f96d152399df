// One score's breakdown — no black box: each input's raw value, its percentile among the
// organisation's clients, its weight (and the weight after missing inputs' weights were shared)
// and the points it adds; the points sum to the score.
import { Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
    case 'coverage':
      return percent(raw / 100, lng);
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
  // On a phone the five columns fit with short headings and tighter cells (no sideways scroll).
  const phone = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  const head = (key: string) => t(`portfolio.breakdown.${phone ? `short.${key}` : key}`);
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table
        striped
        withTableBorder
        fz={phone ? 'xs' : 'sm'}
        horizontalSpacing={phone ? 6 : 'sm'}
        layout="fixed"
        data-testid={testId}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={phone ? '34%' : '36%'}>{t('portfolio.breakdown.input')}</Table.Th>
            <Table.Th ta="right">{head('raw')}</Table.Th>
            <Table.Th ta="right">{head('percentile')}</Table.Th>
            <Table.Th ta="right">{head('weight')}</Table.Th>
            <Table.Th ta="right">{head('points')}</Table.Th>
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
