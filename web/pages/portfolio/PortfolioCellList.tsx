// The matrix on a phone: the nine cells as a list (high attractiveness first), each with its
// count, revenue and strategy; the chosen cell opens its clients right under it.
import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilter } from '../../api/portfolio.ts';
import { money } from '../economics/format.ts';
import { CellClients } from './CellClients.tsx';
import { cellColor, cellKey, cellName, COLUMNS, ROWS, sameCell } from './cells.ts';
import type { GridProps } from './PortfolioGrid.tsx';

export function PortfolioCellList({
  data,
  strategies,
  selected,
  onSelect,
  onClose,
  filter,
}: GridProps & { onClose: () => void; filter: PortfolioFilter }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const cells = new Map(data.cells.map((c) => [cellKey(c), c]));
  return (
    <Stack gap="xs" data-testid="portfolio-list">
      {ROWS.flatMap((a) =>
        [...COLUMNS].reverse().map((r) => {
          const cell = { attractiveness: a, relationship: r };
          const totals = cells.get(cellKey(cell));
          const active = selected !== null && sameCell(selected, cell);
          return (
            <Stack key={cellKey(cell)} gap={4}>
              <UnstyledButton
                onClick={() => (active ? onClose() : onSelect(cell))}
                aria-pressed={active}
                data-testid={`cell-${a}-${r}`}
              >
                <Paper
                  withBorder
                  p="xs"
                  radius="md"
                  style={{
                    background: cellColor(cell),
                    borderColor: active ? 'var(--mantine-color-blue-6)' : undefined,
                  }}
                >
                  <Text size="sm" fw={600}>
                    {cellName(t, cell)}
                  </Text>
                  <Group gap="xs" justify="space-between">
                    <Text size="sm" data-testid="cell-count">
                      {t('portfolio.clients', { count: totals?.clients ?? 0 })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {money(totals?.revenue ?? 0, lng, 0)}
                    </Text>
                  </Group>
                  {!active && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {strategies.get(cellKey(cell))}
                    </Text>
                  )}
                </Paper>
              </UnstyledButton>
              {active && (
                <CellClients
                  filter={filter}
                  cell={cell}
                  strategy={strategies.get(cellKey(cell))}
                  onClose={onClose}
                />
              )}
            </Stack>
          );
        }),
      )}
    </Stack>
  );
}
