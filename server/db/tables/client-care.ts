// Row types of the client-care tables (migration 0005): important dates, requirements and their versions, client notes.
import type {
  ActorType,
  DateKind,
  RequirementCategory,
  RequirementSource,
  RequirementStatus,
} from '../../../shared/domain/vocabulary.ts';

export type ImportantDateKind = DateKind;
export interface ImportantDatesTable {
  id: string;
  org_id: string;
  client_id: string;
  contact_id: string | null;
  kind: ImportantDateKind;
  /** YYYY-MM-DD */
  date: string;
  recurring: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface RequirementsTable {
  id: string;
  org_id: string;
  client_id: string;
  category: RequirementCategory;
  text: string;
  source: RequirementSource;
  owner_id: string | null;
  /** The employee who met the client (a requirement from a meeting), if recorded. */
  employee_id: string | null;
  stage: string | null;
  product: string | null;
  /** YYYY-MM-DD, inclusive */
  effective_from: string | null;
  effective_to: string | null;
  status: RequirementStatus;
  version: number;
  /** text, product and stage lower-cased with Russian rules and ё→е by the app */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface RequirementVersionsTable {
  id: string;
  org_id: string;
  requirement_id: string;
  client_id: string;
  version: number;
  /** JSON snapshot of the requirement after this change */
  snapshot: string;
  actor_type: ActorType;
  actor_id: string | null;
  created_at: string;
}

export interface ClientNotesTable {
  id: string;
  org_id: string;
  client_id: string;
  text: string;
  author_type: ActorType;
  author_id: string | null;
  created_at: string;
}
