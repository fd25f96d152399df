// The value × effort chart (METRICS.md "Improvement backlog"): an SVG scatter with the four
// quadrants split at 5.5 on both axes — quick wins top left, big bets top right, fill-ins bottom
// left, money pits bottom right. A point can be dragged: on release its value and effort become
// the nearest whole scores (1–10) and are saved (PATCH), which also moves it between quadrants.
import { Text } from '@mantine/core';
import { useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QUADRANT_THRESHOLD, type InitiativeOut } from '../../api/backlog.ts';

const W = 560;
const H = 400;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };
const LO = 0.5;
const HI = 10.5;
const x = (effort: number) => PAD.left + ((effort - LO) / (HI - LO)) * (W - PAD.left - PAD.right);
const y = (value: number) =>
  H - PAD.bottom - ((value - LO) / (HI - LO)) * (H - PAD.top - PAD.bottom);
const effortAt = (px: number) => LO + ((px - PAD.left) / (W - PAD.left - PAD.right)) * (HI - LO);
const valueAt = (py: number) =>
  LO + ((H - PAD.bottom - py) / (H - PAD.top - PAD.bottom)) * (HI - LO);
const clampScore = (v: number) => Math.min(10, Math.max(1, Math.round(v)));

const COLORS = {
  quick_win: '#2f9e44',
  big_bet: '#1971c2',
  fill_in: '#868e96',
  money_pit: '#e03131',
};

export function QuadrantChart({
  items,
  onMove,
  canEdit,
}: {
  items: InitiativeOut[];
  onMove: (id: string, value: number, effort: number) => void;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ id: string; px: number; py: number } | null>(null);
  const scored = items.filter(
    (i) => i.value !== null && i.effort !== null && i.status !== 'dropped',
  );
  const toSvg = (e: PointerEvent) => {
    const box = svg.current!.getBoundingClientRect();
    return {
      px: ((e.clientX - box.left) / box.width) * W,
      py: ((e.clientY - box.top) / box.height) * H,
    };
  };
  // Points on the same cell are fanned out a little so each stays reachable.
  const seen = new Map<string, number>();
  const mid = { x: x(QUADRANT_THRESHOLD), y: y(QUADRANT_THRESHOLD) };
  const corner = (q: keyof typeof COLORS, tx: number, ty: number, anchor: 'start' | 'end') => (
    <text
      x={tx}
      y={ty}
      textAnchor={anchor}
      fontSize={13}
      fontWeight={700}
      fill={COLORS[q]}
      opacity={0.8}
    >
      {t(`backlog.quadrant.${q}`)}
    </text>
  );
  return (
    <div>
      <svg
        ref={svg}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('backlog.chart.label')}
        style={{ touchAction: 'none', maxWidth: 720, display: 'block' }}
        data-testid="quadrant-chart"
      >
        <rect
          x={PAD.left}
          y={PAD.top}
          width={mid.x - PAD.left}
          height={mid.y - PAD.top}
          fill="#ebfbee"
        />
        <rect
          x={mid.x}
          y={PAD.top}
          width={W - PAD.right - mid.x}
          height={mid.y - PAD.top}
          fill="#e7f5ff"
        />
        <rect
          x={PAD.left}
          y={mid.y}
          width={mid.x - PAD.left}
          height={H - PAD.bottom - mid.y}
          fill="#f8f9fa"
        />
        <rect
          x={mid.x}
          y={mid.y}
          width={W - PAD.right - mid.x}
          height={H - PAD.bottom - mid.y}
          fill="#fff5f5"
        />
        {corner('quick_win', PAD.left + 6, PAD.top + 16, 'start')}
        {corner('big_bet', W - PAD.right - 6, PAD.top + 16, 'end')}
        {corner('fill_in', PAD.left + 6, H - PAD.bottom - 8, 'start')}
        {corner('money_pit', W - PAD.right - 6, H - PAD.bottom - 8, 'end')}
        {[1, 5.5, 10].map((v) => (
          <g key={v}>
            <text x={x(v)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize={11} fill="#495057">
              {v}
            </text>
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#495057">
              {v}
            </text>
          </g>
        ))}
        <text
          x={(PAD.left + W - PAD.right) / 2}
          y={H - 6}
          textAnchor="middle"
          fontSize={12}
          fill="#212529"
        >
          {t('backlog.chart.effort')} →
        </text>
        <text
          x={12}
          y={(PAD.top + H - PAD.bottom) / 2}
          textAnchor="middle"
          fontSize={12}
          fill="#212529"
          transform={`rotate(-90 12 ${(PAD.top + H - PAD.bottom) / 2})`}
        >
          {t('backlog.chart.value')} →
        </text>
        {scored.map((i) => {
          const key = `${Math.round(i.value!)}:${i.effort}`;
          const n = seen.get(key) ?? 0;
          seen.set(key, n + 1);
          const dragging = drag?.id === i.id;
          const cx = dragging ? drag.px : x(i.effort!) + n * 9;
          const cy = dragging ? drag.py : y(i.value!) - n * 9;
          return (
            <g
              key={i.id}
              data-testid={`point-${i.id}`}
              data-quadrant={i.quadrant ?? ''}
              style={{ cursor: canEdit ? 'grab' : 'default' }}
              onPointerDown={(e) => {
                if (!canEdit) return;
                (e.currentTarget as Element).setPointerCapture(e.pointerId);
                setDrag({ id: i.id, ...toSvg(e) });
              }}
              onPointerMove={(e) => dragging && setDrag({ id: i.id, ...toSvg(e) })}
              onPointerUp={(e) => {
                if (!dragging) return;
                const p = toSvg(e);
                setDrag(null);
                const value = clampScore(valueAt(p.py));
                const effort = clampScore(effortAt(p.px));
                if (value !== i.value || effort !== i.effort) onMove(i.id, value, effort);
              }}
            >
              <title>{`${i.rank}. ${i.title} — ${t('backlog.chart.value')} ${i.value}, ${t('backlog.chart.effort')} ${i.effort}`}</title>
              <circle
                cx={cx}
                cy={cy}
                r={11}
                fill={i.quadrant ? COLORS[i.quadrant] : '#adb5bd'}
                stroke="#fff"
                strokeWidth={2}
              />
              <text
                x={cx}
                y={cy + 4}
                textAnchor="middle"
                fontSize={11}
                fontWeight={700}
                fill="#fff"
                pointerEvents="none"
              >
                {i.rank}
              </text>
            </g>
          );
        })}
      </svg>
      {canEdit && (
        <Text size="xs" c="dimmed">
          {t('backlog.chart.hint')}
        </Text>
      )}
    </div>
  );
}
