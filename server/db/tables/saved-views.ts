// Issue 21 (migration 0045): a person's saved views of a list.

export interface SavedViewsTable {
  id: string;
  org_id: string;
  user_id: string;
  /** The list the view filters: feedback, cases, clients (shared/api/saved-views.ts). */
  list: string;
  name: string;
  /** JSON object: filter name → value, as the list's query string has them. */
  filters: string;
  created_at: string;
  updated_at: string;
}
