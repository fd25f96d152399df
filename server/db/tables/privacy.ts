// Row types of migration 0039 (issue 19, data-subject rights): the retention setting per organisation.

/** Feedback texts and case reply texts older than `text_months` are anonymised; null = kept. */
export interface RetentionSettingsTable {
  org_id: string;
  text_months: number | null;
  updated_at: string;
}
