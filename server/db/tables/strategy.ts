// Tables of the strategy module (migration 0033): goals, arrows, KPIs, KPI values, goal items.
import type {
  StrategyItemKind,
  StrategyKpiSource,
  StrategyPerspective,
  TargetDirection,
} from '../../../shared/domain/vocabulary.ts';

export interface StrategyGoalsTable {
  id: string;
  org_id: string;
  perspective: StrategyPerspective;
  title: string;
  description: string | null;
  owner_employee_id: string | null;
  owner_user_id: string | null;
  /** YYYY-MM-DD. */
  due_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface StrategyArrowsTable {
  org_id: string;
  cause_goal_id: string;
  effect_goal_id: string;
  created_at: string;
}

export interface StrategyKpisTable {
  id: string;
  org_id: string;
  goal_id: string;
  name: string;
  unit: string | null;
  target: number | null;
  direction: TargetDirection;
  due_date: string | null;
  source: StrategyKpiSource;
  metric_key: string | null;
  /** JSON object of the binding's parameters; null for a manual KPI. */
  metric_params: string | null;
  created_at: string;
  updated_at: string;
}

export interface StrategyKpiValuesTable {
  org_id: string;
  kpi_id: string;
  /** YYYY-MM-DD. */
  on_date: string;
  value: number;
  updated_at: string;
}

export interface StrategyGoalItemsTable {
  org_id: string;
  goal_id: string;
  item_kind: StrategyItemKind;
  item_id: string;
  created_at: string;
}
