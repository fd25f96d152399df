// Tables of the competencies module (migration 0032): models, assessments, training, onboarding.
import type {
  AssessmentKind,
  TrainingKind,
  TrainingStatus,
} from '../../../shared/domain/vocabulary.ts';

export type { AssessmentKind, TrainingKind, TrainingStatus };

export interface CompetenciesTable {
  id: string;
  org_id: string;
  name_ru: string;
  name_en: string;
  description: string | null;
  /** A scorecard metric key (nps, cases.resolve_minutes, kpi:<key> …). */
  metric_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompetencyTargetsTable {
  org_id: string;
  position: string;
  competency_id: string;
  level: number;
}

export interface CompetencyAssessmentsTable {
  id: string;
  org_id: string;
  employee_id: string;
  competency_id: string;
  kind: AssessmentKind;
  level: number;
  /** Never returned for a 360 (peer) answer. */
  rater_id: string | null;
  assessed_at: string;
}

export interface CompetencySettingsTable {
  org_id: string;
  anonymity_threshold: number;
  updated_at: string;
}

export interface TrainingItemsTable {
  id: string;
  org_id: string;
  employee_id: string;
  competency_id: string | null;
  kind: TrainingKind;
  title: string;
  due_date: string | null;
  status: TrainingStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OnboardingTemplateItemsTable {
  id: string;
  org_id: string;
  position: number;
  title_ru: string;
  title_en: string;
}

export interface OnboardingChecklistsTable {
  id: string;
  org_id: string;
  employee_id: string;
  created_at: string;
}

export interface OnboardingChecklistItemsTable {
  id: string;
  org_id: string;
  checklist_id: string;
  position: number;
  title_ru: string;
  title_en: string;
  done_at: string | null;
  done_by: string | null;
}
