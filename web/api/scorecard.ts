// The scorecard's operational layer and process KPIs; shapes from shared/api/scorecard.ts.
import type { z } from 'zod';
import type {
  KpiOut,
  KpiValueIn,
  KpiValueOut,
  MetricValueOut,
  OperationsPeriodOut,
  OperationsScorecardOut,
  putKpiBody,
  ScorecardPeriod,
} from '../../shared/api/scorecard.ts';
import { api } from './client.ts';

export type {
  KpiOut,
  KpiValueIn,
  KpiValueOut,
  MetricValueOut,
  OperationsPeriodOut,
  OperationsScorecardOut,
  ScorecardPeriod,
};

const enc = encodeURIComponent;
const query = (q: Record<string, string | undefined>) => {
  const s = new URLSearchParams(
    Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return s ? `?${s}` : '';
};

export const listKpis = () => api.get<{ items: KpiOut[] }>('/api/v1/kpis');
export const putKpi = (key: string, body: z.input<typeof putKpiBody>) =>
  api.put<KpiOut>(`/api/v1/kpis/${enc(key)}`, body);
export const deleteKpi = (key: string) => api.delete<void>(`/api/v1/kpis/${enc(key)}`);
export const putKpiValues = (key: string, values: KpiValueIn[]) =>
  api.put<{ items: KpiValueOut[] }>(`/api/v1/kpis/${enc(key)}/values`, { values });
export const listKpiValues = (
  key: string,
  q: { stage?: string; from?: string; to?: string } = {},
) => api.get<{ items: KpiValueOut[] }>(`/api/v1/kpis/${enc(key)}/values${query(q)}`);
export const getOperationsScorecard = (q: {
  period?: ScorecardPeriod;
  from?: string;
  to?: string;
  stage?: string;
}) => api.get<OperationsScorecardOut>(`/api/v1/scorecard/operations${query(q)}`);
