// The layered scorecard, its drill-down, key drivers, the arbiter and their reports; shapes from
// shared/api/scorecard-layers.ts and shared/api/arbiter.ts (types only: zod stays out of the bundle).
import type {
  ArbiterOut,
  ArbiterRuleIn,
  ArbiterRulesOut,
  ArbiterStageOut,
  DriverOut,
  DriversOut,
  DriverTarget,
} from '../../shared/api/arbiter.ts';
import type {
  DrillKind,
  DrillOut,
  DrillRowOut,
  LayerMetricOut,
  MetricUnit,
  ScorecardLayer,
  ScorecardOut,
  ScorecardStageOut,
} from '../../shared/api/scorecard-layers.ts';
import type { ScorecardPeriod } from '../../shared/api/scorecard.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type {
  ArbiterOut,
  ArbiterRuleIn,
  ArbiterRulesOut,
  ArbiterStageOut,
  DrillKind,
  DrillOut,
  DrillRowOut,
  DriverOut,
  DriversOut,
  DriverTarget,
  LayerMetricOut,
  MetricUnit,
  ScorecardLayer,
  ScorecardOut,
  ScorecardPeriod,
  ScorecardStageOut,
};

export const LAYERS: readonly ScorecardLayer[] = [
  'satisfaction',
  'transactional',
  'operational',
  'employee',
];
export const DRIVER_TARGETS: readonly DriverTarget[] = ['nps', 'csat', 'retention'];

/** The page's filters, as the scorecard and its reports take them. */
export interface ScorecardFilter {
  period: ScorecardPeriod;
  from: string;
  to: string;
  segment?: string;
  managerId?: string;
}

export const getLayeredScorecard = (q: ScorecardFilter & { stage?: string }) =>
  api.get<ScorecardOut>(`/api/v1/scorecard${queryString({ ...q })}`);

/** `query` is the drill link's query string as the scorecard gave it (stage, metric, period…). */
export const getDrill = (query: Record<string, string>, cursor?: string) =>
  api.get<DrillOut>(`/api/v1/scorecard/records${queryString({ ...query, cursor })}`);

export const getDrivers = (q: {
  stage: string;
  target: DriverTarget;
  from?: string;
  to?: string;
}) => api.get<DriversOut>(`/api/v1/scorecard/drivers${queryString({ ...q })}`);

export const getArbiter = (q: { from: string; to: string }) =>
  api.get<ArbiterOut>(`/api/v1/arbiter${queryString({ ...q })}`);
export const refreshArbiter = (q: { from: string; to: string }) =>
  api.post<ArbiterOut>(`/api/v1/arbiter/refresh${queryString({ ...q })}`);

/** The rule table behind the arbiter's suggestions; an empty list goes back to the built-in one. */
export const getArbiterRules = () => api.get<ArbiterRulesOut>('/api/v1/arbiter/rules');
export const putArbiterRules = (rules: ArbiterRuleIn[]) =>
  api.put<ArbiterRulesOut>('/api/v1/arbiter/rules', { rules });

export interface ReportRecipient {
  userId: string;
  name: string;
  email: string;
  language: string;
}
/** Who gets the monthly report e-mail on the first working day. */
export const getReportRecipients = () =>
  api.get<{ recipients: ReportRecipient[] }>('/api/v1/reports/recipients');
export const putReportRecipients = (userIds: string[]) =>
  api.put<{ recipients: ReportRecipient[] }>('/api/v1/reports/recipients', { userIds });

export type ReportName = 'scorecard' | 'arbiter';
export type ReportFormat = 'pdf' | 'xlsx';
/** A plain link: the browser downloads the file with the session cookie (GET needs no CSRF). */
export const reportUrl = (
  name: ReportName,
  format: ReportFormat,
  params: Record<string, string | undefined>,
) => `/api/v1/reports/${name}.${format}${queryString(params)}`;

/** The in-app page of a metric's drill link (/api/v1/scorecard/records?… → /scorecard/records?…). */
export const drillPage = (drill: string) => drill.replace(/^\/api\/v1\/scorecard\//, '/scorecard/');
