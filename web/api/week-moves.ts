// "What moved this week" (issue 21): shapes from shared/api/week-moves.ts (types only), and the
// in-app page of each figure's drill-down.
import type { DrillOut, WeekMovesOut } from '../../shared/api/week-moves.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type { DrillOut, WeekMovesOut };
export type WeekChoice = WeekMovesOut['week'];

export const getWeekMoves = (week: WeekChoice) =>
  api.get<WeekMovesOut>(`/api/v1/metrics/week-moves${queryString({ week })}`);

/**
 * The list behind a figure: the feedback list (its window as fromAt/toAt, the instants beside
 * its own day filters, as the dashboard's drill-downs do) or the case list of a window.
 */
export function drillPath(d: DrillOut): string {
  if (d.list === 'cases') return `/cases/list?${new URLSearchParams(d.params)}`;
  const { from, to, ...rest } = d.params;
  return `/feedback?${new URLSearchParams({ ...rest, ...(from ? { fromAt: from } : {}), ...(to ? { toAt: to } : {}) })}`;
}
