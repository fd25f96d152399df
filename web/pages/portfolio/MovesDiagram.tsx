// The moves drawn on a small 3×3 matrix: one arrow per pair of cells (old → new), thicker for
// more clients, with the count at its middle.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MovesOut, PortfolioCell } from '../../api/portfolio.ts';
import { cellColor, cellKey, COLUMNS, ROWS } from './cells.ts';

const SIDE = 84;
const PAD = 4;

function centre(c: PortfolioCell): [number, number] {
  const x = COLUMNS.indexOf(c.relationship);
  const y = ROWS.indexOf(c.attractiveness);
  return [PAD + x * SIDE + SIDE / 2, PAD + y * SIDE + SIDE / 2];
}

export function MovesDiagram({ moves }: { moves: MovesOut['moves'] }) {
  const { t } = useTranslation();
  const pairs = new Map<string, { from: PortfolioCell; to: PortfolioCell; count: number }>();
  for (const m of moves) {
    const k = `${cellKey(m.from.cell)}>${cellKey(m.to.cell)}`;
    const p = pairs.get(k) ?? { from: m.from.cell, to: m.to.cell, count: 0 };
    p.count += 1;
    pairs.set(k, p);
  }
  const size = PAD * 2 + SIDE * 3;
  return (
    <figure style={{ margin: 0, flexShrink: 0, maxWidth: '100%' }}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width={size}
        height={size}
        role="img"
        aria-label={t('portfolio.moves.diagram')}
        data-testid="moves-diagram"
        style={{ maxWidth: '100%', height: 'auto', flexShrink: 0 }}
      >
        <defs>
          <marker
            id="pf-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-blue-7)" />
          </marker>
        </defs>
        {ROWS.flatMap((a) =>
          COLUMNS.map((r) => {
            const [x, y] = centre({ attractiveness: a, relationship: r });
            return (
              <rect
                key={`${a}|${r}`}
                x={x - SIDE / 2 + 1}
                y={y - SIDE / 2 + 1}
                width={SIDE - 2}
                height={SIDE - 2}
                rx={6}
                fill={cellColor({ attractiveness: a, relationship: r })}
                stroke="var(--mantine-color-gray-4)"
              />
            );
          }),
        )}
        {[...pairs.values()].map((p) => {
          const [x1, y1] = centre(p.from);
          const [x2, y2] = centre(p.to);
          const len = Math.hypot(x2 - x1, y2 - y1) || 1;
          // Shifted sideways so that A→B and B→A do not overlap; shortened to stop at the edge.
          const nx = (-(y2 - y1) / len) * 6;
          const ny = ((x2 - x1) / len) * 6;
          const sx = ((x2 - x1) / len) * 18;
          const sy = ((y2 - y1) / len) * 18;
          const width = Math.min(6, 1.5 + Math.log2(p.count));
          return (
            <g key={`${cellKey(p.from)}>${cellKey(p.to)}`} data-testid="moves-arrow">
              <circle
                cx={x1 + nx + sx}
                cy={y1 + ny + sy}
                r={2.5}
                fill="var(--mantine-color-blue-7)"
              />
              <line
                x1={x1 + nx + sx}
                y1={y1 + ny + sy}
                x2={x2 + nx - sx}
                y2={y2 + ny - sy}
                stroke="var(--mantine-color-blue-7)"
                strokeWidth={width}
                markerEnd="url(#pf-arrow)"
              />
              <text
                x={(x1 + x2) / 2 + nx * 1.8}
                y={(y1 + y2) / 2 + ny * 1.8 + 4}
                fontSize={12}
                fontWeight={600}
                textAnchor="middle"
                fill="var(--mantine-color-dark-7)"
              >
                {p.count}
              </text>
            </g>
          );
        })}
      </svg>
      <Text component="figcaption" size="xs" c="dimmed" ta="center">
        {t('portfolio.moves.axes')}
      </Text>
    </figure>
  );
}
