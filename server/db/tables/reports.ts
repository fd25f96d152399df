// Tables of the reports module (migration 0026).
export interface ReportRecipientsTable {
  org_id: string;
  user_id: string;
  created_at: string;
}
