// Row types of the client-care tables (migration 0005): important dates, requirements and their versions, client notes.

export type ImportantDateKind = 'birthday' | 'company_anniversary' | 'contract_renewal' | 'custom';
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
  category: 'purpose_of_use' | 'delivery' | 'technical' | 'packaging' | 'documents' | 'other';
  text: string;
  source: 'feedback' | 'meeting' | 'contract' | 'other';
  owner_id: string | null;
  stage: string | null;
  product: string | null;
  /** YYYY-MM-DD, inclusive */
  effective_from: string | null;
  effective_to: string | null;
  status: 'active' | 'retired';
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
  actor_type: 'user' | 'api_key' | 'system';
  actor_id: string | null;
  created_at: string;
}

export interface ClientNotesTable {
  id: string;
  org_id: string;
  client_id: string;
  text: string;
  author_type: 'user' | 'api_key' | 'system';
  author_id: string | null;
  created_at: string;
}
