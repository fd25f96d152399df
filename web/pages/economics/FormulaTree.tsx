// The profit formula as a tree of figures, windows A and B side by side with the change:
// revenue = N × Q × APPN, then margin (rate, cost coverage), minus marketing spend = profit,
// and what a client costs (CAC) against what a client brings in a year (LTV).
import { Badge, Box, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMULA_FIGURES, type FigureKey, type WindowFigures } from './formula.ts';
import { formatChange, formatFigure } from './format.ts';

const KIND = Object.fromEntries(FORMULA_FIGURES) as Record<
  FigureKey,
  (typeof FORMULA_FIGURES)[number][1]
>;
/** Figures where a fall is good news (the change badge is green when it goes down). */
const LOWER_IS_BETTER = new Set<FigureKey>(['cac', 'spend']);

function Figure({
  figure,
  a,
  b,
  label,
  hint,
}: {
  figure: FigureKey;
  a: WindowFigures;
  b: WindowFigures;
  label: string;
  hint?: string;
}) {
  const { t, i18n } = useTranslation();
  const kind = KIND[figure];
  const [va, vb] = [a[figure], b[figure]];
  const up = va !== null && vb !== null && vb > va;
  const down = va !== null && vb !== null && vb < va;
  const good = LOWER_IS_BETTER.has(figure) ? down : up;
  const bad = LOWER_IS_BETTER.has(figure) ? up : down;
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`figure-${figure}`}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Group justify="space-between" gap={4} mt={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          A
        </Text>
        <Text size="sm">{formatFigure(kind, va, i18n.language)}</Text>
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          B
        </Text>
        <Text size="sm" fw={700} data-testid={`figure-${figure}-b`}>
          {formatFigure(kind, vb, i18n.language)}
        </Text>
      </Group>
      <Group justify="flex-end" mt={4}>
        <Badge
          variant="light"
          color={good ? 'green' : bad ? 'red' : 'gray'}
          style={{ textTransform: 'none' }}
          aria-label={t('economics.formula.change')}
        >
          {formatChange(kind, va, vb, i18n.language, t('economics.pp'))}
        </Badge>
      </Group>
    </Card>
  );
}

function Operator({ children }: { children: ReactNode }) {
  return (
    <Text fz={24} fw={700} c="dimmed" ta="center" aria-hidden>
      {children}
    </Text>
  );
}

export function FormulaTree({
  a,
  b,
  appnLabel,
}: {
  a: WindowFigures;
  b: WindowFigures;
  appnLabel: string;
}) {
  const { t } = useTranslation();
  const f = (figure: FigureKey, label?: string) => (
    <Figure
      figure={figure}
      a={a}
      b={b}
      label={label ?? t(`economics.figures.${figure}`)}
      hint={t(`economics.hints.${figure}`, { defaultValue: '' }) || undefined}
    />
  );
  return (
    <Stack gap="xs" data-testid="formula-tree">
      <Box maw={360} w="100%" mx="auto">
        {f('revenue')}
      </Box>
      <Operator>=</Operator>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {f('payingClients')}
        {f('q')}
        {f('appn', appnLabel)}
      </SimpleGrid>
      <Operator>↓</Operator>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {f('margin')}
        {f('marginRate')}
        {f('costCoverage')}
      </SimpleGrid>
      <Operator>↓</Operator>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        {f('spend')}
        {f('profit')}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" mt="sm">
        {f('newClients')}
        {f('cac')}
        {f('ltv')}
        {f('ltvToCac')}
      </SimpleGrid>
    </Stack>
  );
}
