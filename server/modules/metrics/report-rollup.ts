// The satisfaction report narrowed to a segment or a manager, from feedback's counts per client
// group (ADR 017) instead of the records, where those counts answer exactly (issue 21):
//  - a stage is chosen (the rollup counts only records with a stage),
//  - no client or channel filter (the rollup is not split by them),
//  - the window is whole months of the organisation's zone, and the rollup is counted there,
//  - no grouping, or by stage, or by month when the zone is UTC (the report's months are UTC).
// Otherwise the caller scans the records joined to their clients (metrics.repo.ts).
import type { Ctx } from '../../context.ts';
import type { ScoreType } from '../../db/types.ts';
import { monthIndexOf, monthLabel, monthStart } from '../cases/index.ts';
import { scoreGroupsOf } from '../feedback/index.ts';
import type { GroupDimension, GroupedScoreCount, ReportFilter } from './metrics.repo.ts';
import type { Window } from './period.ts';

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT']);

/** YYYY-MM when the instant is a month's start in the zone, else null. */
function monthAt(instant: string, timeZone: string): string | null {
  const t = Date.parse(instant);
  const m = monthIndexOf(t, timeZone);
  return monthStart(m, timeZone) === t ? monthLabel(m) : null;
}

/** Why the rollup cannot answer, or null when it can (named for the benchmark notes). */
export function rollupMisfit(
  q: ReportFilter & { groupBy?: GroupDimension },
  timeZone: string,
): string | null {
  if (q.segment === undefined && q.managerId === undefined) return 'no client-group filter';
  if (q.stage === undefined) return 'no stage';
  if (q.clientId !== undefined || q.channel !== undefined) return 'client or channel filter';
  if (q.groupBy === 'month' && !UTC_ZONES.has(timeZone)) return 'months of another zone';
  if (q.groupBy !== undefined && q.groupBy !== 'month' && q.groupBy !== 'stage')
    return `grouped by ${q.groupBy}`;
  return null;
}

/** The report's histograms from the rollup; null when it cannot answer (then scan). */
export async function countScoresFromRollup(
  ctx: Ctx,
  timeZone: string,
  q: ReportFilter & Window & { scoreType: ScoreType; groupBy?: GroupDimension },
): Promise<GroupedScoreCount[] | null> {
  if (rollupMisfit(q, timeZone) !== null) return null;
  const fromMonth = monthAt(q.from, timeZone);
  const toMonth = monthAt(q.to, timeZone);
  if (fromMonth === null || toMonth === null) return null;
  const rows = await scoreGroupsOf(ctx, {
    fromMonth,
    toMonth,
    timeZone,
    stage: q.stage,
    segment: q.segment,
    managerId: q.managerId,
  });
  if (rows === null) return null;
  return rows
    .filter((r) => r.scoreType === q.scoreType)
    .map((r) => ({
      groupKey: q.groupBy === 'month' ? r.month : q.groupBy === 'stage' ? r.stage : null,
      label: null,
      score: r.score,
      count: r.count,
    }));
}
