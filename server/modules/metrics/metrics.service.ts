// Use-cases of the satisfaction metrics: the grouped report and the dashboard overview.
// Reading numbers needs data.read; every query is scoped to ctx.orgId in the repo.
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './metrics.repo.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { lastDays, type Window } from './period.ts';
import { assertReportFilter } from './report-filter.ts';
import { countScoresFromCounts } from './report-counts.ts';
import { countScoresFromRollup } from './report-rollup.ts';
import { previousWindow, reportWindow, type PreviousWindow } from './report-window.ts';
import {
  computeSatisfaction,
  SCALES,
  type SatisfactionMetric,
  type SatisfactionResult,
  type ScoreCount,
} from './satisfaction.ts';

export type GroupDimension = repo.GroupDimension;
type ReportFilter = repo.ReportFilter;

export interface SatisfactionGroup {
  key: string;
  label?: string;
  result: SatisfactionResult;
}

export interface SatisfactionReport extends Window {
  metric: SatisfactionMetric;
  groupBy: GroupDimension | null;
  filters?: ReportFilter;
  groups: SatisfactionGroup[];
  /** With compare=previous: the period of equal length just before. */
  previous?: PreviousWindow & { groups: SatisfactionGroup[] };
}

/** The overview's look-back: a quarter, long enough for a stable number, short enough to move. */
export const OVERVIEW_DAYS = 90;

/** Key of responses without a stage / segment / client, and of the single group without groupBy. */
export const NO_VALUE_KEY = 'none';
export const ALL_KEY = 'all';

export interface SatisfactionReportQuery extends ReportFilter {
  metric: SatisfactionMetric;
  from?: string;
  to?: string;
  groupBy?: GroupDimension;
  compare?: 'previous';
}

/** The groups of one window: from the client-group rollup where it answers, else one scan. */
async function reportGroups(
  ctx: Ctx,
  timeZone: string,
  q: SatisfactionReportQuery,
  window: Window,
): Promise<SatisfactionGroup[]> {
  const counts = { scoreType: q.metric, ...filterOf(q), ...window, groupBy: q.groupBy };
  const rows =
    (await countScoresFromRollup(ctx, timeZone, counts)) ??
    (await countScoresFromCounts(ctx, timeZone, { ...counts, scoreTypes: [q.metric] })) ??
    (await repo.countScoresByGroup(ctx.db, ctx.orgId, { ...counts, range: SCALES[q.metric] }));
  const histograms = new Map<string, { label?: string; hist: ScoreCount[] }>();
  for (const row of rows) {
    const key = q.groupBy ? (row.groupKey ?? NO_VALUE_KEY) : ALL_KEY;
    const entry = histograms.get(key) ?? { hist: [] };
    if (row.label !== null) entry.label = row.label;
    entry.hist.push({ score: row.score, count: row.count });
    histograms.set(key, entry);
  }
  // Without groupBy there is always exactly one group, so a dashboard tile can show "no answers".
  if (!q.groupBy && histograms.size === 0) histograms.set(ALL_KEY, { hist: [] });
  return [...histograms]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { label, hist }]) => ({
      key,
      ...(label !== undefined ? { label } : {}),
      result: computeSatisfaction(q.metric, hist),
    }));
}

const filterOf = (q: ReportFilter): ReportFilter => ({
  stage: q.stage,
  segment: q.segment,
  managerId: q.managerId,
  clientId: q.clientId,
  channel: q.channel,
});

export async function getSatisfactionReport(
  ctx: Ctx,
  q: SatisfactionReportQuery,
): Promise<SatisfactionReport> {
  assertCan(ctx.actor, 'data.read');
  await assertReportFilter(ctx, q);
  const timeZone = await orgTimeZone(ctx);
  const window = reportWindow(ctx.clock.now(), timeZone, q.from, q.to);
  checkWindow(window);
  const groups = await reportGroups(ctx, timeZone, q, window);
  const report: SatisfactionReport = {
    metric: q.metric,
    groupBy: q.groupBy ?? null,
    ...window,
    filters: filterOf(q),
    groups,
  };
  if (q.compare !== 'previous') return report;
  const before = previousWindow(window, timeZone);
  checkWindow(before);
  const previous = await reportGroups(ctx, timeZone, q, before);
  return { ...report, previous: { ...before, groups: previous } };
}

/** Both bounds readable by every database, and the window not empty. */
function checkWindow(window: Window): void {
  // An offset can push year 0000 or 9999 out of four-digit years, which no database reads back.
  for (const [name, value] of [
    ['from', window.from],
    ['to', window.to],
  ] as const) {
    if (!/^\d{4}-/.test(value)) {
      throw new AppError('validation_failed', `\`${name}\` is out of range`, {
        invalidParams: [{ name: `querystring.${name}`, reason: 'year must be 0000–9999 in UTC' }],
      });
    }
  }
  if (window.from >= window.to) {
    // Checked here rather than in the schema: a defaulted bound can make the window empty too.
    throw new AppError('validation_failed', '`from` must be before `to`', {
      invalidParams: [{ name: 'querystring.from', reason: `must be before ${window.to}` }],
    });
  }
}

export interface SatisfactionOverview extends Window {
  nps: SatisfactionResult;
  csat: SatisfactionResult;
  ces: SatisfactionResult;
}

/** NPS, CSAT and CES over the last OVERVIEW_DAYS days: the report counts, else one scan. */
export async function getSatisfactionOverview(ctx: Ctx): Promise<SatisfactionOverview> {
  assertCan(ctx.actor, 'data.read');
  const window = lastDays(ctx.clock.now(), OVERVIEW_DAYS);
  const scoreTypes: SatisfactionMetric[] = ['nps', 'csat', 'ces'];
  const rows =
    (await countScoresFromCounts(ctx, await orgTimeZone(ctx), { ...window, scoreTypes })) ??
    (await repo.countScoresByType(ctx.db, ctx.orgId, { scoreTypes, ...window }));
  const histogramOf = (metric: SatisfactionMetric) => rows.filter((r) => r.scoreType === metric);
  return {
    ...window,
    nps: computeSatisfaction('nps', histogramOf('nps')),
    csat: computeSatisfaction('csat', histogramOf('csat')),
    ces: computeSatisfaction('ces', histogramOf('ces')),
  };
}
