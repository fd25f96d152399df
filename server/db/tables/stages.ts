// Row types of the journey-stage registry (migration 0020): stages per organisation and their
// targets per metric.
import type { TargetDirection } from '../../../shared/domain/vocabulary.ts';

export type { TargetDirection };

/** A journey stage; records name it by `key` (their text `stage` column). */
export interface StagesTable {
  id: string;
  org_id: string;
  key: string;
  name_ru: string;
  name_en: string;
  /** Order on the journey (ascending; ties by key). */
  position: number;
  /** The process owner: a person of the organisation. */
  owner_user_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A stage's target for one metric key (e.g. nps, csat, ces, or a process KPI's key). */
export interface StageTargetsTable {
  stage_id: string;
  org_id: string;
  metric: string;
  target: number;
  direction: TargetDirection;
  updated_at: string;
}
