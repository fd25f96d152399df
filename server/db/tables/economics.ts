// Row types of the economics tables: transactions (migration 0011), marketing spend (0012).

import type { TransactionKind } from '../../../shared/domain/vocabulary.ts';

export type { TransactionKind };

/** A sale or refund of a client, one row per organisation and external id (economics module). */
export interface TransactionsTable {
  id: string;
  org_id: string;
  client_id: string;
  external_id: string;
  kind: TransactionKind;
  /** The document date, YYYY-MM-DD (no time, no zone). */
  date: string;
  /** Minor units (kopecks) in the base currency, ≥ 0; a refund's sign comes from its kind. */
  amount_minor: number;
  cost_minor: number | null;
  /** The currency the document was in; amounts are in the base currency (converted by exchange_rate). */
  currency: string;
  exchange_rate: number | null;
  product: string | null;
  stage: string | null;
  /** YYYY-MM-DD. */
  due_date: string | null;
  /** YYYY-MM-DD. */
  paid_at: string | null;
  manager_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Marketing spend of a month ('YYYY-MM') and channel ('' = all channels together), migration 0012. */
export interface MarketingSpendTable {
  org_id: string;
  period: string;
  channel: string;
  amount_minor: number;
  updated_at: string;
}

/** The organisation's economics settings (migration 0013); no row = the defaults. */
export interface EconomicsSettingsTable {
  org_id: string;
  /** ISO 4217. */
  base_currency: string;
  period: 'month' | 'quarter' | 'year';
  /** The industry's name for the average purchase, e.g. "средняя цена за ночь". */
  appn_label: string | null;
  /** Whole periods (of `period`) without a sale after which a client is churned; null = default rule. */
  churn_after_periods: number | null;
  updated_at: string;
}

/** Sums of the transactions of an organisation month (migration 0014; month = year × 12 + month − 1). */
export interface EconomicsOrgMonthsTable {
  org_id: string;
  month: number;
  sales: number;
  sales_minor: number;
  refunds_minor: number;
  /** Net: the cost of the sales − the cost of the refunds. */
  cost_minor: number;
  /** Amount of the sales that carry a cost. */
  costed_minor: number;
}

/** Sales due in a month and paid in a month (0 = unpaid), migration 0014. Days since 1970-01-01. */
export interface EconomicsDueMonthsTable {
  org_id: string;
  due_month: number;
  paid_month: number;
  sales: number;
  on_time: number;
  late_due_days: number;
  late_paid_days: number;
}

/** Per client: months with a sale, months with feedback (month-set.ts text), migration 0014. */
export interface EconomicsClientsTable {
  org_id: string;
  client_id: string;
  sale_months: string;
  feedback_months: string;
  /** The organisation's client-sets version that last changed the row (migration 0017). */
  version: number;
}

/** How often the organisation's client month sets changed (migration 0014; a cache key). */
export interface EconomicsVersionsTable {
  org_id: string;
  client_sets: number;
}
