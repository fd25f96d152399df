// Tables of the opportunities module (migration 0029).
import type { OpportunityStage } from '../../../shared/domain/vocabulary.ts';

export type { OpportunityStage };

export interface OpportunitiesTable {
  id: string;
  org_id: string;
  client_id: string;
  product: string;
  /** Minor units of `currency`, ≥ 0; null when not estimated. */
  value_minor: number | null;
  currency: string;
  /** idea | offered | won | lost (not `stage`, the journey-stage column name, ADR 012). */
  sales_stage: OpportunityStage;
  owner_id: string | null;
  /** YYYY-MM-DD. */
  due_date: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** The transactions that realised a won opportunity (same client). */
export interface OpportunityTransactionsTable {
  org_id: string;
  opportunity_id: string;
  transaction_id: string;
}
