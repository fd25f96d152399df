// The strategy map (issue 18); shapes from shared/api/strategy.ts (types only).
import type { z } from 'zod';
import type {
  BindableMetricsOut,
  goalIn,
  goalPatch,
  kpiIn,
  kpiPatch,
  GoalOut,
  KpiOut,
  MapGoalOut,
  StrategyMapOut,
} from '../../shared/api/strategy.ts';
import { STRATEGY_PERSPECTIVES, type StrategyItemKind } from '../../shared/domain/vocabulary.ts';
import { api } from './client.ts';

export type { BindableMetricsOut, GoalOut, KpiOut, MapGoalOut, StrategyMapOut };
export { STRATEGY_PERSPECTIVES };

const id = (value: string) => encodeURIComponent(value);

export const getStrategyMap = () => api.get<StrategyMapOut>('/api/v1/strategy/map');
export const getBindableMetrics = () => api.get<BindableMetricsOut>('/api/v1/strategy/metrics');

export const createGoal = (body: z.input<typeof goalIn>) =>
  api.post<GoalOut>('/api/v1/strategy/goals', body);
export const updateGoal = (goalId: string, body: z.input<typeof goalPatch>) =>
  api.patch<GoalOut>(`/api/v1/strategy/goals/${id(goalId)}`, body);
export const deleteGoal = (goalId: string) =>
  api.delete<void>(`/api/v1/strategy/goals/${id(goalId)}`);

export const addArrow = (cause: string, effect: string) =>
  api.put<unknown>(`/api/v1/strategy/goals/${id(cause)}/effects/${id(effect)}`, {});
export const removeArrow = (cause: string, effect: string) =>
  api.delete<void>(`/api/v1/strategy/goals/${id(cause)}/effects/${id(effect)}`);

export const linkItem = (goalId: string, kind: StrategyItemKind, itemId: string) =>
  api.put<void>(`/api/v1/strategy/goals/${id(goalId)}/items/${kind}/${id(itemId)}`, {});
export const unlinkItem = (goalId: string, kind: StrategyItemKind, itemId: string) =>
  api.delete<void>(`/api/v1/strategy/goals/${id(goalId)}/items/${kind}/${id(itemId)}`);

export const createKpi = (goalId: string, body: z.input<typeof kpiIn>) =>
  api.post<KpiOut>(`/api/v1/strategy/goals/${id(goalId)}/kpis`, body);
export const updateKpi = (kpiId: string, body: z.input<typeof kpiPatch>) =>
  api.patch<KpiOut>(`/api/v1/strategy/kpis/${id(kpiId)}`, body);
export const deleteKpi = (kpiId: string) => api.delete<void>(`/api/v1/strategy/kpis/${id(kpiId)}`);

export type KpiValues = { items: { onDate: string; value: number }[] };
export const listKpiValues = (kpiId: string) =>
  api.get<KpiValues>(`/api/v1/strategy/kpis/${id(kpiId)}/values`);
export const putKpiValue = (kpiId: string, body: { onDate: string; value: number }) =>
  api.put<KpiValues>(`/api/v1/strategy/kpis/${id(kpiId)}/values`, body);
