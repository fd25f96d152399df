// The 3×3 matrix on a wide screen: attractiveness up the side (high on top), relationship along
// the bottom (weak on the left). Each cell shows its count, revenue and strategy and its clients
// as bubbles placed by their two scores inside the cell, sized by revenue.
import { Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortfolioCell, PortfolioClientOut, PortfolioOut } from '../../api/portfolio.ts';
import { money } from '../economics/format.ts';
import {
  bubbleSize,
  cellColor,
  cellKey,
  cellName,
  COLUMNS,
  ROWS,
  sameCell,
  score,
  withinBand,
} from './cells.ts';

export interface GridProps {
  data: PortfolioOut;
  strategies: Map<string, string>;
  selected: PortfolioCell | null;
  onSelect: (cell: PortfolioCell) => void;
}

function Bubble({ c, largest }: { c: PortfolioClientOut; largest: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const size = bubbleSize(c.revenue, largest);
  const title = t('portfolio.bubbleTitle', {
    name: c.name,
    a: score(c.attractiveness, lng),
    r: score(c.relationship, lng),
    revenue: money(c.revenue, lng, 0),
  });
  return (
    <Tooltip label={title} withinPortal multiline maw={260}>
      <Box
        component="span"
        aria-label={title}
        data-testid="portfolio-bubble"
        data-client={c.name}
        style={{
          position: 'absolute',
          left: `${withinBand(c.relationship) * 100}%`,
          bottom: `${withinBand(c.attractiveness) * 100}%`,
          width: size,
          height: size,
          transform: 'translate(-50%, 50%)',
          borderRadius: '50%',
          background: 'var(--mantine-color-blue-5)',
          opacity: 0.55,
          border: '1px solid var(--mantine-color-blue-8)',
        }}
      />
    </Tooltip>
  );
}

export function PortfolioGrid({ data, strategies, selected, onSelect }: GridProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const largest = Math.max(0, ...data.clients.map((c) => c.revenue));
  const cells = new Map(data.cells.map((c) => [cellKey(c), c]));
  return (
    <Box
      data-testid="portfolio-grid"
      style={{
        display: 'grid',
        gridTemplateColumns: 'auto repeat(3, minmax(0, 1fr))',
        gap: 6,
      }}
    >
      {ROWS.map((a) => [
        <Text
          key={`label-${a}`}
          size="xs"
          c="dimmed"
          ta="right"
          style={{ alignSelf: 'center', writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}
        >
          {t(`portfolio.levels.attractiveness.${a}`)}
        </Text>,
        ...COLUMNS.map((r) => {
          const cell = { attractiveness: a, relationship: r };
          const totals = cells.get(cellKey(cell));
          const clients = data.clients.filter((c) => sameCell(c.cell, cell));
          const hidden = (totals?.clients ?? 0) - clients.length;
          const active = selected !== null && sameCell(selected, cell);
          return (
            <UnstyledButton
              key={cellKey(cell)}
              onClick={() => onSelect(cell)}
              aria-pressed={active}
              aria-label={cellName(t, cell)}
              data-testid={`cell-${a}-${r}`}
              style={{
                background: cellColor(cell),
                border: `2px solid ${active ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)'}`,
                borderRadius: 8,
                padding: 8,
                display: 'flex',
                flexDirection: 'column',
                gap: 4,
                minWidth: 0,
              }}
            >
              <Group justify="space-between" gap={4} wrap="nowrap">
                <Text fw={700} size="sm" data-testid="cell-count">
                  {t('portfolio.clients', { count: totals?.clients ?? 0 })}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {money(totals?.revenue ?? 0, lng, 0)}
                </Text>
              </Group>
              <Box style={{ position: 'relative', height: 90, margin: '10px 14px' }}>
                {clients.map((c) => (
                  <Bubble key={c.clientId} c={c} largest={largest} />
                ))}
              </Box>
              {hidden > 0 && (
                <Text size="xs" c="dimmed">
                  {t('portfolio.more', { count: hidden })}
                </Text>
              )}
              <Text size="xs" lineClamp={3} title={strategies.get(cellKey(cell))}>
                {strategies.get(cellKey(cell))}
              </Text>
            </UnstyledButton>
          );
        }),
      ])}
      <span />
      {COLUMNS.map((r) => (
        <Text key={`col-${r}`} size="xs" c="dimmed" ta="center">
          {t(`portfolio.levels.relationship.${r}`)}
        </Text>
      ))}
      <span />
      <Text size="sm" fw={500} ta="center" style={{ gridColumn: '2 / span 3' }}>
        {t('portfolio.axes.relationship')} →
      </Text>
    </Box>
  );
}
