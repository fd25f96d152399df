// The scorecard's transactional layer rolled up (migration 0035, ADR 014). `span` is the months
// of a period (1 = month, 3 = quarter); `period` its index (lib/periods.ts periodIndex).

/** Per client, stage and period: its transactions of the stage dated in the period, and its
 * sales of the stage due in it. */
export interface EconomicsStageMembersTable {
  org_id: string;
  client_id: string;
  span: number;
  period: number;
  stage: string;
  revenue_minor: number;
  documents: number;
  sales: number;
  due: number;
  on_time: number;
}

/** Per stage, period and group of clients (current segment and manager, '' = none): sums of the
 * members, paying = members with a sale, retained = those with a sale in the next period. */
export interface EconomicsStageGroupsTable {
  org_id: string;
  span: number;
  period: number;
  stage: string;
  segment: string;
  manager: string;
  revenue_minor: number;
  documents: number;
  paying: number;
  retained: number;
  due: number;
  on_time: number;
}
