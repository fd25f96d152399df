// The drawn strategy map (SVG): four perspective bands, learning & growth at the bottom and
// financial on top; goal boxes with their KPIs (value / target, a status dot); cause → effect
// arrows. Wider than a phone it scrolls sideways inside its frame; a phone gets two columns.
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { KpiOut, MapGoalOut, StrategyMapOut } from '../../api/strategy.ts';
import { formatFigure, statusColor } from './format.ts';
import {
  arrowPath,
  BAND_LABEL,
  blocked,
  clip,
  fitPerRow,
  layoutMap,
  PAD,
  sidePath,
  type Box as GoalBox,
} from './layout.ts';

const BAND_FILL = {
  financial: '#f3f0ff',
  clients: '#e7f5ff',
  processes: '#ebfbee',
  learning_growth: '#fff9db',
} as const;

export interface MapProps {
  map: StrategyMapOut;
  /** Boxes per row before the frame is measured. */
  perRow: number;
  unitOf: (kpi: KpiOut) => string | undefined;
  onGoal: (goal: MapGoalOut) => void;
  onKpi: (kpi: KpiOut) => void;
}

function GoalCard({
  box,
  unitOf,
  onGoal,
  onKpi,
}: { box: GoalBox } & Omit<MapProps, 'map' | 'perRow'>) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const g = box.goal;
  const sub = [g.owner?.name, g.dueDate ? t('strategy.due', { date: g.dueDate }) : null]
    .filter(Boolean)
    .join(' · ');
  const kpiTop = box.y + 34 + (sub ? 16 : 0);
  return (
    <g data-testid="strategy-goal" data-goal={g.title}>
      <rect
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={8}
        fill="#fff"
        stroke="#868e96"
        style={{ cursor: 'pointer' }}
        onClick={() => onGoal(g)}
      >
        <title>{g.description ? `${g.title}\n${g.description}` : g.title}</title>
      </rect>
      <text
        x={box.x + 10}
        y={box.y + 24}
        fontSize={13}
        fontWeight={600}
        fill="#212529"
        style={{ cursor: 'pointer' }}
        onClick={() => onGoal(g)}
      >
        {clip(g.title, 27)}
      </text>
      {sub && (
        <text x={box.x + 10} y={box.y + 40} fontSize={11} fill="#868e96">
          {clip(sub, 38)}
        </text>
      )}
      {g.kpis.length === 0 && (
        <text x={box.x + 10} y={kpiTop + 12} fontSize={11} fill="#adb5bd">
          {t('strategy.noKpis')}
        </text>
      )}
      {g.kpis.map((k, i) => {
        const y = kpiTop + i * 19;
        const figure = `${formatFigure(k.current.value, unitOf(k), lng, k.unit, true)}${
          k.target !== null ? ` / ${formatFigure(k.target, unitOf(k), lng, null, true)}` : ''
        }`;
        // About 6.5 px a character at 11.5 px: the name gets what the figure leaves.
        const nameChars = Math.max(6, Math.floor((box.w - 44) / 6.5) - figure.length);
        return (
          <g
            key={k.id}
            data-testid="strategy-kpi"
            data-kpi={k.name}
            data-value={k.current.value ?? ''}
            data-status={k.status ?? ''}
            style={{ cursor: 'pointer' }}
            onClick={() => onKpi(k)}
          >
            <rect x={box.x + 4} y={y} width={box.w - 8} height={18} fill="transparent" />
            <circle cx={box.x + 14} cy={y + 9} r={5} fill={statusColor(k.status)} />
            <text x={box.x + 24} y={y + 13} fontSize={11.5} fill="#343a40">
              {clip(k.name, nameChars)}
            </text>
            <text x={box.x + box.w - 10} y={y + 13} fontSize={11.5} textAnchor="end" fill="#212529">
              {figure}
            </text>
            <title>{`${k.name}: ${figure}${k.current.window ? ` (${k.current.window.label})` : ''}`}</title>
          </g>
        );
      })}
    </g>
  );
}

export function StrategyMap({ map, perRow, unitOf, onGoal, onKpi }: MapProps) {
  const { t } = useTranslation();
  // The frame's width decides how many boxes share a row; the bands fill it.
  const { ref, width } = useElementSize();
  const inner = Math.floor(width) - 2;
  const layout = inner > 0 ? layoutMap(map, fitPerRow(inner), inner) : layoutMap(map, perRow);
  return (
    <Box
      ref={ref}
      style={{
        overflowX: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 8,
      }}
    >
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t('strategy.title')}
        data-testid="strategy-map"
        style={{ display: 'block' }}
      >
        <defs>
          <marker
            id="strategy-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#495057" />
          </marker>
        </defs>
        {layout.bands.map((b) => (
          <g key={b.perspective} data-testid="strategy-band" data-perspective={b.perspective}>
            <rect x={0} y={b.y} width={layout.width} height={b.h} fill={BAND_FILL[b.perspective]} />
            <line x1={0} x2={layout.width} y1={b.y + b.h} y2={b.y + b.h} stroke="#dee2e6" />
            <text x={PAD} y={b.y + BAND_LABEL - 6} fontSize={12} fontWeight={600} fill="#495057">
              {t(`strategy.perspectives.${b.perspective}`).toUpperCase()}
            </text>
          </g>
        ))}
        {map.arrows.map((a, i) => {
          const cause = layout.boxes.get(a.causeGoalId);
          const effect = layout.boxes.get(a.effectGoalId);
          if (!cause || !effect) return null;
          return (
            <path
              key={`${a.causeGoalId}-${a.effectGoalId}`}
              d={
                blocked(layout.boxes.values(), cause, effect)
                  ? sidePath(cause, effect, i % 4)
                  : arrowPath(cause, effect)
              }
              fill="none"
              stroke="#495057"
              strokeWidth={1.6}
              markerEnd="url(#strategy-arrow)"
              data-testid="strategy-arrow"
            />
          );
        })}
        {[...layout.boxes.values()].map((box) => (
          <GoalCard key={box.goal.id} box={box} unitOf={unitOf} onGoal={onGoal} onKpi={onKpi} />
        ))}
      </svg>
    </Box>
  );
}
