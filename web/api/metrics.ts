// Satisfaction metrics for the dashboard; shapes from shared/api/metrics.ts.
import type {
  OverviewOut,
  SatisfactionGroupBy,
  SatisfactionMetric,
  SatisfactionOut,
} from '../../shared/api/metrics.ts';
import { SURVEY_METRICS } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';
import { queryString } from './clients.ts';

export type { OverviewOut, SatisfactionGroupBy, SatisfactionMetric, SatisfactionOut };
export const METRICS = SURVEY_METRICS;

export const getOverview = () => api.get<OverviewOut>('/api/v1/metrics/overview');
export const getSatisfaction = (q: {
  metric: SatisfactionMetric;
  groupBy?: SatisfactionGroupBy;
  from?: string;
  to?: string;
  stage?: string;
  segment?: string;
  managerId?: string;
  clientId?: string;
  channel?: string;
  compare?: 'previous';
}) => api.get<SatisfactionOut>(`/api/v1/metrics/satisfaction${queryString(q)}`);
