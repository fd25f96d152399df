// Tables of the backlog module (migration 0031).
import type { InitiativeStatus } from '../../../shared/domain/vocabulary.ts';

export type { InitiativeStatus };

export interface InitiativesTable {
  id: string;
  org_id: string;
  title: string;
  description: string | null;
  stage: string | null;
  owner_id: string | null;
  status: InitiativeStatus;
  /** YYYY-MM-DD (organisation's time zone). */
  due_date: string | null;
  /** 1–10 by hand; null = computed from reach and revenue at stake. */
  value: number | null;
  effort: number | null;
  public_note: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InitiativeFeedbackTable {
  org_id: string;
  initiative_id: string;
  feedback_id: string;
}
export interface InitiativeClientsTable {
  org_id: string;
  initiative_id: string;
  client_id: string;
}
export interface InitiativeCasesTable {
  org_id: string;
  initiative_id: string;
  case_id: string;
}
/** One "you said, we did" per (initiative, contact), ever. */
export interface InitiativeNoticesTable {
  org_id: string;
  initiative_id: string;
  contact_id: string;
  feedback_id: string | null;
  created_at: string;
}
