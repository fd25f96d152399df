// Small vector graphics of the reports: the status dot, the sparkline of a metric's periods and a
// horizontal bar. Vectors, not images: sharp at any zoom and a few bytes each.
import { COLORS, type Doc } from './pdf-doc.ts';

export type Status = 'green' | 'amber' | 'red' | null;
const STATUS_COLOR = {
  green: COLORS.green,
  amber: COLORS.amber,
  red: COLORS.red,
} as const;

/** A filled dot centred on (cx, cy); grey when there is no status (no value or no target). */
export function statusDot(doc: Doc, cx: number, cy: number, status: Status, radius = 3.5): void {
  doc.save();
  doc.circle(cx, cy, radius).fill(status ? STATUS_COLOR[status] : COLORS.grey);
  doc.restore();
}

/**
 * The series as a line in the box (x, y, w, h), oldest left. A null period breaks the line (no
 * value is not zero); a lone value between gaps is a dot. The last value gets a dot. The target,
 * when it lies inside the series' range, is a dashed grey line. A flat series sits mid-height.
 */
export function sparkline(
  doc: Doc,
  box: { x: number; y: number; w: number; h: number },
  values: readonly (number | null)[],
  target: number | null = null,
): void {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0 || values.length === 0) return;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const step = values.length > 1 ? box.w / (values.length - 1) : 0;
  const xAt = (i: number) => box.x + (values.length > 1 ? i * step : box.w / 2);
  const yAt = (v: number) =>
    max === min ? box.y + box.h / 2 : box.y + box.h - ((v - min) / (max - min)) * box.h;
  doc.save();
  if (target !== null && max > min && target >= min && target <= max) {
    doc.moveTo(box.x, yAt(target)).lineTo(box.x + box.w, yAt(target));
    doc.lineWidth(0.4).dash(1.5, { space: 1.5 }).strokeColor(COLORS.grey).stroke().undash();
  }
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length === 1) doc.circle(run[0]![0], run[0]![1], 1.1).fill(COLORS.accent);
    if (run.length > 1) {
      doc.moveTo(run[0]![0], run[0]![1]);
      for (const [px, py] of run.slice(1)) doc.lineTo(px, py);
      doc.lineWidth(0.9).lineJoin('round').strokeColor(COLORS.accent).stroke();
    }
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) flush();
    else run.push([xAt(i), yAt(v)]);
  });
  flush();
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  if (last !== null && last !== undefined) {
    doc.circle(xAt(lastIndex), yAt(last), 1.4).fill(COLORS.accent);
  }
  doc.restore();
}

/** A bar of `fraction` (0–1) of the box's width over a light track. */
export function hbar(
  doc: Doc,
  box: { x: number; y: number; w: number; h: number },
  fraction: number,
  color: string,
  track = true,
): void {
  const share = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  doc.save();
  if (track) doc.rect(box.x, box.y, box.w, box.h).fill(COLORS.band);
  if (share > 0) doc.rect(box.x, box.y, Math.max(0.8, box.w * share), box.h).fill(color);
  doc.restore();
}
