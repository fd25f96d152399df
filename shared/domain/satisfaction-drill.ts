// The drill-down of the satisfaction charts (issue 21): the feedback list's filters of exactly
// the records one group of GET /api/v1/metrics/satisfaction counts. Shared by the dashboard (its
// bars link with it) and the test that proves the list equals the count; no zod, so the browser
// bundle can import it.
import type { SurveyMetric as SatisfactionMetric } from './vocabulary.ts';

/** The feedback list's filters (GET /api/v1/feedback) of the records one chart group counts. */
export interface SatisfactionDrill {
  scoreType: SatisfactionMetric;
  from: string;
  to: string;
  stage?: string;
  noStage?: 'true';
  segment?: string;
  noSegment?: 'true';
  channel?: string;
  managerId?: string;
  clientId?: string;
}

/** The report's filters (issue 21), carried into every drill-down so it lists what was counted. */
export interface SatisfactionDrillFilters {
  stage?: string;
  segment?: string;
  managerId?: string;
  clientId?: string;
  channel?: string;
}

const monthStartUtc = (year: number, month: number) =>
  new Date(Date.UTC(year, month - 1, 1)).toISOString();

/**
 * The records behind one group of a satisfaction report: the report's window (a month group's
 * calendar month in UTC, as the report groups them, cut to the window), the report's filters and
 * the group's key as a filter ("none" = not set). Null for a group the list cannot filter by
 * (records without a client).
 */
export function satisfactionDrill(
  out: {
    metric: SatisfactionMetric;
    from: string;
    to: string;
    groupBy: string | null;
    filters?: SatisfactionDrillFilters;
  },
  key: string,
): SatisfactionDrill | null {
  const given = Object.entries(out.filters ?? {}).filter(([, v]) => typeof v === 'string');
  const drill: SatisfactionDrill = {
    scoreType: out.metric,
    from: out.from,
    to: out.to,
    ...(Object.fromEntries(given) as SatisfactionDrillFilters),
  };
  switch (out.groupBy) {
    case null:
      return drill;
    case 'month': {
      const [year, month] = key.split('-').map(Number) as [number, number];
      const start = monthStartUtc(year, month);
      const end = monthStartUtc(year, month + 1);
      if (Date.parse(start) > Date.parse(drill.from)) drill.from = start;
      if (Date.parse(end) < Date.parse(drill.to)) drill.to = end;
      return drill;
    }
    case 'stage':
      return key === 'none' ? { ...drill, noStage: 'true' } : { ...drill, stage: key };
    case 'segment':
      return key === 'none' ? { ...drill, noSegment: 'true' } : { ...drill, segment: key };
    case 'channel':
      return { ...drill, channel: key };
    case 'client':
      return key === 'none' ? null : { ...drill, clientId: key };
    default:
      return null;
  }
}
