// Where the strategy map draws each goal (pure): four bands, financial on top, learning & growth
// at the bottom; in each band the goals left to right in rows of at most `perRow`, each box as
// tall as its KPIs need. Arrows run from the cause's edge facing the effect to the effect's.
import type { MapGoalOut, StrategyMapOut } from '../../api/strategy.ts';

export const BOX_W = 232;
export const GAP = 28;
export const PAD = 14;
export const BAND_LABEL = 26;
const TITLE_H = 24;
const OWNER_H = 16;
const KPI_H = 19;

export interface Box {
  goal: MapGoalOut;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Band {
  perspective: StrategyMapOut['perspectives'][number];
  y: number;
  h: number;
}
export interface Layout {
  width: number;
  height: number;
  bands: Band[];
  boxes: Map<string, Box>;
}

export const boxHeight = (g: MapGoalOut) =>
  10 + TITLE_H + (g.owner || g.dueDate ? OWNER_H : 0) + Math.max(1, g.kpis.length) * KPI_H + 6;

/** Boxes that fit side by side in `width` pixels (at least one). */
export const fitPerRow = (width: number) =>
  Math.max(1, Math.floor((width - 2 * PAD + GAP) / (BOX_W + GAP)));

export function layoutMap(map: StrategyMapOut, perRow: number, minWidth = 0): Layout {
  const top = [...map.perspectives].reverse(); // financial first, drawn at the top
  const counts = top.map((p) => map.goals.filter((g) => g.perspective === p).length);
  const columns = Math.max(1, Math.min(perRow, Math.max(...counts, 1)));
  const width = Math.max(minWidth, PAD * 2 + columns * BOX_W + (columns - 1) * GAP);
  const bands: Band[] = [];
  const boxes = new Map<string, Box>();
  let y = 0;
  for (const perspective of top) {
    const goals = map.goals.filter((g) => g.perspective === perspective);
    let h = BAND_LABEL + PAD;
    for (let row = 0; row * columns < Math.max(goals.length, 1); row++) {
      const inRow = goals.slice(row * columns, (row + 1) * columns);
      const rowH = Math.max(44, ...inRow.map(boxHeight));
      // Centre a short row, so arrows between bands stay readable.
      const rowW = inRow.length * BOX_W + Math.max(0, inRow.length - 1) * GAP;
      const left = (width - rowW) / 2;
      inRow.forEach((goal, i) =>
        boxes.set(goal.id, {
          goal,
          x: left + i * (BOX_W + GAP),
          y: y + h,
          w: BOX_W,
          h: boxHeight(goal),
        }),
      );
      h += rowH + GAP;
    }
    bands.push({ perspective, y, h: h - GAP + PAD });
    y += h - GAP + PAD;
  }
  return { width, height: y, bands, boxes };
}

/** True when another box stands on the straight way between the two boxes' centres. */
export function blocked(boxes: Iterable<Box>, cause: Box, effect: Box): boolean {
  const [top, bottom] = cause.y < effect.y ? [cause, effect] : [effect, cause];
  const x1 = cause.x + cause.w / 2;
  const x2 = effect.x + effect.w / 2;
  for (const b of boxes) {
    if (b === cause || b === effect || b.y <= top.y || b.y >= bottom.y) continue;
    const t = (b.y + b.h / 2 - top.y) / (bottom.y - top.y);
    const x = top === cause ? x1 + (x2 - x1) * t : x2 + (x1 - x2) * t;
    if (x > b.x && x < b.x + b.w) return true;
  }
  return false;
}

/** Around the right of the boxes in between, from the cause's right edge to the effect's. */
export function sidePath(cause: Box, effect: Box, lane: number): string {
  const x = Math.max(cause.x + cause.w, effect.x + effect.w) + 14 + lane * 8;
  const [y1, y2] = [cause.y + cause.h / 2, effect.y + effect.h / 2];
  const [a, b] = [cause.x + cause.w, effect.x + effect.w + 2];
  return `M ${a} ${y1} C ${x} ${y1}, ${x} ${y2}, ${b} ${y2}`;
}

/** A cubic path from the cause's facing edge to the effect's (bottom → top when it lies above). */
export function arrowPath(cause: Box, effect: Box): string {
  const cx = cause.x + cause.w / 2;
  const ex = effect.x + effect.w / 2;
  if (effect.y + effect.h <= cause.y) {
    const [y1, y2] = [cause.y, effect.y + effect.h];
    const bend = Math.max(20, (y1 - y2) / 2);
    return `M ${cx} ${y1} C ${cx} ${y1 - bend}, ${ex} ${y2 + bend}, ${ex} ${y2 + 2}`;
  }
  if (cause.y + cause.h <= effect.y) {
    const [y1, y2] = [cause.y + cause.h, effect.y];
    const bend = Math.max(20, (y2 - y1) / 2);
    return `M ${cx} ${y1} C ${cx} ${y1 + bend}, ${ex} ${y2 - bend}, ${ex} ${y2 - 2}`;
  }
  // Side by side in one row.
  const right = effect.x > cause.x;
  const x1 = right ? cause.x + cause.w : cause.x;
  const x2 = right ? effect.x - 2 : effect.x + effect.w + 2;
  const y1 = cause.y + cause.h / 2;
  const y2 = effect.y + effect.h / 2;
  return `M ${x1} ${y1} C ${(x1 + x2) / 2} ${y1}, ${(x1 + x2) / 2} ${y2}, ${x2} ${y2}`;
}

/** Text cut to `max` characters with an ellipsis (SVG text does not wrap). */
export const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;
