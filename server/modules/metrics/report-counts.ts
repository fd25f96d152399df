// The satisfaction report and the dashboard overview from feedback's report counts (issue 20,
// ADR 020) instead of the records. A window [from, to) is cut at the zone's day boundaries: the
// whole months inside read the monthly counts, the other whole days the daily counts, and the
// partial days at either end (a window of instants, like the overview's last 90 days) are
// scanned from the records — at most two days of them — so every window is exact.
// Not answered here (the caller scans): a client or manager filter, grouping by client, a window
// without a whole day. A segment (filter or grouping) reads the months by segment; its partial
// months' days are scanned, the daily counts having no segment.
import type { Ctx } from '../../context.ts';
import type { ScoreType } from '../../db/types.ts';
import { monthLabel } from '../cases/index.ts';
import {
  dayAtOrAfter,
  dayLabel,
  dayOf,
  dayStart,
  firstDayOf,
  monthIndexOfDay,
  reportCountsOf,
  type ReportCountsGroup,
  type ReportTable,
} from '../feedback/index.ts';
import * as repo from './metrics.repo.ts';
import type { Window } from './period.ts';
import { SCALES, type SatisfactionMetric } from './satisfaction.ts';

export type TypedScoreCount = repo.GroupedScoreCount & { scoreType: ScoreType };

type CountsQuery = repo.ReportFilter &
  Window & { scoreTypes: SatisfactionMetric[]; groupBy?: repo.GroupDimension };

/** A window's pieces: whole months, whole days (YYYY-MM / YYYY-MM-DD, [from, to)), instants. */
export interface WindowPieces {
  months: { from: string; to: string } | null;
  days: Array<{ from: number; to: number }>;
  instants: Window[];
}

/** Cuts [from, to) at the zone's day and month boundaries; null without a whole day inside. */
export function windowPieces(w: Window, timeZone: string): WindowPieces | null {
  const [f, t] = [Date.parse(w.from), Date.parse(w.to)];
  const dA = dayAtOrAfter(f, timeZone);
  const dB = dayOf(t, timeZone);
  if (dA >= dB) return null;
  const iso = (x: number) => new Date(x).toISOString();
  const instants: Window[] = [];
  if (f < dayStart(dA, timeZone)) instants.push({ from: w.from, to: iso(dayStart(dA, timeZone)) });
  if (dayStart(dB, timeZone) < t) instants.push({ from: iso(dayStart(dB, timeZone)), to: w.to });
  const mA = monthIndexOfDay(dA) + (firstDayOf(monthIndexOfDay(dA)) === dA ? 0 : 1);
  const mB = monthIndexOfDay(dB);
  if (mA >= mB) return { months: null, days: [{ from: dA, to: dB }], instants };
  const days = [
    { from: dA, to: firstDayOf(mA) },
    { from: firstDayOf(mB), to: dB },
  ].filter((d) => d.from < d.to);
  return { months: { from: monthLabel(mA), to: monthLabel(mB) }, days, instants };
}

/** Why the counts cannot answer, or null when they can. */
export function countsMisfit(q: repo.ReportFilter & { groupBy?: repo.GroupDimension }) {
  if (q.clientId !== undefined) return 'client filter';
  if (q.managerId !== undefined) return 'manager filter';
  if (q.groupBy === 'client') return 'grouped by client';
  return null;
}

/** The histograms of one window; null when the counts cannot answer (then scan). */
export async function countScoresFromCounts(
  ctx: Ctx,
  timeZone: string,
  q: CountsQuery,
): Promise<TypedScoreCount[] | null> {
  if (countsMisfit(q) !== null) return null;
  const pieces = windowPieces(q, timeZone);
  if (pieces === null) return null;
  const bySegment = q.segment !== undefined || q.groupBy === 'segment';
  const counts = {
    scoreTypes: q.scoreTypes,
    groupBy: q.groupBy as ReportCountsGroup | undefined,
    stage: q.stage,
    channel: q.channel,
    segment: q.segment,
  };
  const out: TypedScoreCount[] = [];
  const addCounts = async (table: ReportTable, from: string, to: string) => {
    const rows = await reportCountsOf(ctx, timeZone, { table, from, to }, counts);
    if (rows === null) return false;
    for (const r of rows)
      out.push({
        scoreType: r.scoreType,
        groupKey: r.key,
        label: null,
        score: r.score,
        count: r.count,
      });
    return true;
  };
  const monthTable = bySegment ? 'segments' : 'months';
  if (pieces.months && !(await addCounts(monthTable, pieces.months.from, pieces.months.to)))
    return null;
  const scans = [...pieces.instants];
  for (const d of pieces.days) {
    if (bySegment) {
      const iso = (day: number) => new Date(dayStart(day, timeZone)).toISOString();
      scans.push({ from: iso(d.from), to: iso(d.to) });
    } else if (!(await addCounts('days', dayLabel(d.from), dayLabel(d.to)))) return null;
  }
  for (const w of scans) out.push(...(await scanPiece(ctx, q, w)));
  // The scan counts only the metric's scale; the counts hold every score the records have.
  return q.scoreTypes.length === 1
    ? out.filter(
        (r) => r.score >= SCALES[q.scoreTypes[0]!].min && r.score <= SCALES[q.scoreTypes[0]!].max,
      )
    : out;
}

/** One piece of the window from the records, as the whole-window scan reads it. */
async function scanPiece(ctx: Ctx, q: CountsQuery, w: Window): Promise<TypedScoreCount[]> {
  if (q.scoreTypes.length === 1) {
    const scoreType = q.scoreTypes[0]!;
    const rows = await repo.countScoresByGroup(ctx.db, ctx.orgId, {
      ...q,
      ...w,
      scoreType,
      range: SCALES[scoreType],
    });
    return rows.map((r) => ({ ...r, scoreType }));
  }
  const rows = await repo.countScoresByType(ctx.db, ctx.orgId, { ...w, scoreTypes: q.scoreTypes });
  return rows.map((r) => ({ ...r, groupKey: null, label: null }));
}
