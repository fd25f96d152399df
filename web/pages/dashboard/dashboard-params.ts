// The dashboard's state, all in the query string (issue 21: shareable, bookmarkable): the metric,
// a preset period (last N calendar months) or a custom range of calendar days, and the filters
// every chart and drill-down applies. The API reads dates as days of the organisation's zone;
// its `to` is exclusive, so an inclusive last day becomes the day after it.
import type { SatisfactionMetric } from '../../api/metrics.ts';
import { METRICS } from '../../api/metrics.ts';

export const PERIODS = ['3', '6', '12', '24'] as const;
export const CUSTOM = 'custom';
export const FILTER_KEYS = ['segment', 'managerId', 'clientId', 'stage', 'channel'] as const;
export type DashboardFilterKey = (typeof FILTER_KEYS)[number];

export interface DashboardParams {
  metric: SatisfactionMetric;
  /** A preset (months) or 'custom'. */
  period: string;
  /** The custom range's days as picked (inclusive), for the inputs. */
  fromDay: string;
  toDay: string;
  /** The API's window: calendar dates, `to` exclusive. */
  from: string;
  to: string;
  filters: Partial<Record<DashboardFilterKey, string>>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The day after a calendar date. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

/** The first day of the month `back` months before `today`'s. */
function monthFirst(today: Date, back: number): string {
  return iso(new Date(Date.UTC(today.getFullYear(), today.getMonth() - back, 1)));
}

export function readDashboardParams(
  params: Record<string, string>,
  today = new Date(),
): DashboardParams {
  const metric = METRICS.includes(params.metric as SatisfactionMetric)
    ? (params.metric as SatisfactionMetric)
    : 'nps';
  const filters: DashboardParams['filters'] = {};
  for (const key of FILTER_KEYS) if (params[key]) filters[key] = params[key];
  const fromDay = DAY.test(params.from ?? '') ? params.from! : '';
  const toDay = DAY.test(params.to ?? '') ? params.to! : '';
  if (params.period === CUSTOM && fromDay && toDay && fromDay <= toDay)
    return { metric, period: CUSTOM, fromDay, toDay, from: fromDay, to: nextDay(toDay), filters };
  const months = PERIODS.includes(params.period as (typeof PERIODS)[number])
    ? Number(params.period)
    : 12;
  // Whole calendar months up to the end of this one: the comparison takes as many before.
  const from = monthFirst(today, months - 1);
  const to = monthFirst(today, -1);
  return {
    metric,
    period: String(months),
    fromDay: fromDay || from,
    toDay: toDay || iso(new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000)),
    from,
    to,
    filters,
  };
}

/** The query string of a state (what setQueryParams writes). */
export function dashboardQuery(p: DashboardParams): Record<string, string> {
  return {
    metric: p.metric,
    period: p.period,
    ...(p.period === CUSTOM ? { from: p.fromDay, to: p.toDay } : {}),
    ...p.filters,
  };
}
