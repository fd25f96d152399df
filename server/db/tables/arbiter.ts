// Tables of the arbiter module (migration 0025).
import type { ArbiterRuleWhen } from '../../../shared/domain/vocabulary.ts';
export interface ArbiterRulesTable {
  id: string;
  org_id: string;
  position: number;
  /** A metric key or a family prefix ending in "*". */
  metric: string;
  fires_when: ArbiterRuleWhen;
  text_ru: string;
  text_en: string;
  updated_at: string;
}

export interface ArbiterReportsTable {
  org_id: string;
  window_from: string;
  window_to: string;
  computed_at: string;
  body: string;
}
