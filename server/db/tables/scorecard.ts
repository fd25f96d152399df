// Row types of the process KPIs (migration 0022): a KPI per organisation and its values per
// stage and month.
import type { TargetDirection } from '../../../shared/domain/vocabulary.ts';

/** A named series (e.g. «доставка вовремя, %»); `key` is what values and stage targets name. */
export interface KpisTable {
  id: string;
  org_id: string;
  key: string;
  name: string;
  name_en: string | null;
  unit: string | null;
  direction: TargetDirection;
  /** The default target; a stage's target for the key, or the value's own, comes first. */
  target: number | null;
  created_at: string;
  updated_at: string;
}

/** One value of a KPI for a stage (its registry key) and a calendar month (YYYY-MM). */
export interface KpiValuesTable {
  kpi_id: string;
  org_id: string;
  stage: string;
  period: string;
  value: number;
  target: number | null;
  updated_at: string;
}
