// Client economics (issue 14), first slice: transactions — sales and refunds of a client,
// upserted by the ERP/CRM document number. Money on the wire is a decimal number with at most
// 2 decimals (1234.5 = 1 234,50 ₽); it is stored as integer minor units. Dates are calendar
// dates YYYY-MM-DD. The semantic checks (decimals, signs, dates, refunds, currency) are made by
// the service and answer 422 with the field named, in a single call and per batch item alike.
import { z } from 'zod';
import { TRANSACTION_KINDS } from '../domain/vocabulary.ts';

export { TRANSACTION_KINDS };
export const transactionKind = z.enum(TRANSACTION_KINDS);
/** The base currency until organisations have their own setting (a later slice of issue 14). */
export const BASE_CURRENCY = 'RUB';
/** Largest amount accepted, so minor units stay exact integers on both dialects. */
export const MAX_AMOUNT = 1e12;

const shortText = (max: number) => z.string().trim().min(1).max(max);
/** Checked by the service (422 when malformed), so a bad date answers like a bad amount. */
const calendarDate = z.string().max(40).describe('YYYY-MM-DD');
const money = z.number().max(MAX_AMOUNT).describe('decimal, at most 2 decimals, ≥ 0');

export const transactionIn = z
  .object({
    externalId: shortText(200),
    clientId: z.uuid().optional(),
    client: z.object({ externalId: shortText(200), name: shortText(300) }).optional(),
    kind: transactionKind,
    date: calendarDate,
    /** In `currency`; converted to the base currency with `exchangeRate` when it differs. */
    amount: money,
    cost: money.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as RUB')
      .optional(),
    /** Base-currency units per one unit of `currency`. */
    exchangeRate: z.number().positive().max(1e6).optional(),
    product: shortText(300).optional(),
    stage: shortText(100).optional(),
    dueDate: calendarDate.optional(),
    paidAt: calendarDate.optional(),
    managerId: z.uuid().optional(),
  })
  .refine((t) => Boolean(t.clientId) !== Boolean(t.client), {
    message: 'name the client by clientId or by client{externalId,name}, exactly one',
    path: ['clientId'],
  });
export type TransactionIn = z.infer<typeof transactionIn>;

export const transactionOut = z.object({
  id: z.string(),
  externalId: z.string(),
  clientId: z.string(),
  kind: transactionKind,
  date: z.string(),
  /** In the base currency. */
  amount: z.number(),
  cost: z.number().nullable(),
  currency: z.string(),
  exchangeRate: z.number().nullable(),
  product: z.string().nullable(),
  stage: z.string().nullable(),
  dueDate: z.string().nullable(),
  paidAt: z.string().nullable(),
  managerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TransactionOut = z.infer<typeof transactionOut>;

export const transactionBatchIn = z.object({ items: z.array(z.unknown()).min(1).max(1000) });

export const UPSERT_STATUSES = ['created', 'updated', 'unchanged'] as const;
export type UpsertStatus = (typeof UPSERT_STATUSES)[number];

export const transactionBatchOut = z.object({
  results: z.array(
    z.object({
      index: z.number(),
      status: z.enum([...UPSERT_STATUSES, 'error']),
      id: z.string().optional(),
      error: z
        .object({
          code: z.string(),
          detail: z.string(),
          invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
        })
        .optional(),
    }),
  ),
});
export type TransactionBatchResult = z.infer<typeof transactionBatchOut>['results'][number];

const queryDate = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'YYYY-MM-DD');
export const listTransactionsQuery = z.object({
  clientId: z.uuid().optional(),
  /** Window [from, to) on the document date. */
  from: queryDate.optional(),
  to: queryDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListTransactionsQuery = z.infer<typeof listTransactionsQuery>;

// Marketing spend (second slice): per calendar month 'YYYY-MM' and optional channel.
export const spendPeriod = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a calendar month YYYY-MM')
  .describe('YYYY-MM');
export const spendPeriodParam = z.object({ period: spendPeriod });
export const spendIn = z.object({
  amount: money,
  /** '' or absent: spend not split by channel. */
  channel: z.string().trim().max(100).optional(),
});
export type SpendIn = z.infer<typeof spendIn>;
export const spendOut = z.object({
  period: z.string(),
  channel: z.string(),
  amount: z.number(),
  updatedAt: z.string(),
});
export type SpendOut = z.infer<typeof spendOut>;
export const listSpendQuery = z.object({
  /** Months in [from, to). */
  from: spendPeriod.optional(),
  to: spendPeriod.optional(),
});
export type ListSpendQuery = z.infer<typeof listSpendQuery>;

// The economics summary: METRICS.md "Transactions" for a window of whole periods.
/** Filters every economics endpoint takes besides the window. */
const economicsFilters = {
  segment: z.string().trim().min(1).max(200).optional(),
  /** The clients' manager (clients.managerId). */
  managerId: z.uuid().optional(),
  /** Transactions of one journey stage only (transactions.stage). */
  stage: z.string().trim().min(1).max(100).optional(),
};
export const ECONOMICS_FILTERS = Object.keys(economicsFilters);

export const SUMMARY_PERIODS = ['month', 'quarter', 'year'] as const;
export const summaryQuery = z.object({
  /** First day of a period (inclusive). */
  from: queryDate,
  /** First day of a period after the window (exclusive). */
  to: queryDate,
  period: z.enum(SUMMARY_PERIODS).default('month'),
  ...economicsFilters,
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const ratioOut = (what: string) => z.number().nullable().describe(`${what}; null when it is 0`);
const moneyOut = z.number().describe('decimal, 2 decimals, base currency');
export const figuresOut = z.object({
  revenue: moneyOut,
  margin: moneyOut,
  costCoverage: ratioOut('sales amount with a cost / sales amount; the denominator'),
  payingClients: z.number().int(),
  activeClients: z.number().int(),
  purchases: z.number().int(),
  q: ratioOut('purchases / payingClients; payingClients'),
  appn: ratioOut('revenue / purchases (decimal money); purchases'),
  arppu: ratioOut('revenue / payingClients (decimal money); payingClients'),
  arpu: ratioOut('revenue / activeClients (decimal money); activeClients'),
  newClients: z.number().int(),
  cac: ratioOut('marketing spend / newClients (decimal money); spend or newClients'),
  profit: z
    .number()
    .nullable()
    .describe('margin − marketing spend; null with a segment or managerId filter'),
  onTimeShare: ratioOut('share of sales due in the window paid by the due date; the count due'),
  meanDaysLate: ratioOut('mean days late of late or unpaid sales due in the window; the count'),
  churnedClients: z.number().int(),
});
export type FiguresOut = z.infer<typeof figuresOut>;
export const summaryOut = figuresOut.extend({
  series: z.array(figuresOut.extend({ period: z.string().describe('2026-01, 2026-Q1 or 2026') })),
});
export type SummaryOut = z.infer<typeof summaryOut>;

// Levers (third slice): revenue = N × Q × APPN and margin = N × Q × APPN × margin rate, window A → B.
export const leversQuery = z.object({
  aFrom: queryDate,
  aTo: queryDate,
  bFrom: queryDate,
  bTo: queryDate,
  /** Both windows must be made of whole periods of this unit. */
  period: z.enum(SUMMARY_PERIODS).default('month'),
  ...economicsFilters,
});
export type LeversQuery = z.infer<typeof leversQuery>;
export const leverWindowOut = z.object({
  from: z.string(),
  to: z.string(),
  revenue: moneyOut,
  margin: moneyOut,
  payingClients: z.number().int(),
  purchases: z.number().int(),
  q: z.number().nullable(),
  appn: z.number().nullable().describe('decimal money'),
  marginRate: z.number().nullable().describe('margin / revenue; null when revenue is 0'),
});
export type LeverWindowOut = z.infer<typeof leverWindowOut>;
const contributions = z.object({ payingClients: moneyOut, q: moneyOut, appn: moneyOut });
export const leversOut = z.object({
  a: leverWindowOut,
  b: leverWindowOut,
  /** revenue(B) − revenue(A). */
  change: moneyOut,
  /** LMDI-I; sums to `change` exactly. null with `reason` when a factor is 0 in a window. */
  contributions: contributions.nullable(),
  reason: z.string().nullable(),
  margin: z.object({
    change: moneyOut,
    contributions: contributions.extend({ marginRate: moneyOut }).nullable(),
    reason: z.string().nullable(),
  }),
});
export type LeversOut = z.infer<typeof leversOut>;

// One client's economics (third slice).
export const clientEconomicsQuery = z.object({
  /** The day the figures are taken at (default: today, UTC). */
  asOf: queryDate.optional(),
  period: z.enum(SUMMARY_PERIODS).default('month'),
});
export type ClientEconomicsQuery = z.infer<typeof clientEconomicsQuery>;
export const clientEconomicsOut = z.object({
  clientId: z.string(),
  asOf: z.string(),
  period: z.enum(SUMMARY_PERIODS),
  /** Revenue and margin dated in (asOf − 12 months, asOf]. */
  revenue12m: moneyOut,
  margin12m: moneyOut,
  payingPeriods: z.number().int(),
  lifetimeSpan: z.number().int().describe('periods from the first to the last sale, both included'),
  idlePeriods: z.number().int(),
  historicalLtv: moneyOut.describe('margin over the whole history up to asOf'),
  onTimeShare: z.number().nullable().describe('sales due in the last 12 months paid on time'),
  meanDaysLate: z.number().nullable(),
  estimatedAnnualBudget: z.number().nullable(),
  shareOfWallet: z.number().nullable().describe('revenue12m / estimatedAnnualBudget'),
  churned: z.boolean(),
  churnAfterPeriods: z.number(),
  firstSaleAt: z.string().nullable(),
  lastSaleAt: z.string().nullable(),
  series: z.array(
    z.object({
      period: z.string(),
      revenue: moneyOut,
      margin: moneyOut,
      purchases: z.number().int(),
    }),
  ),
});
export type ClientEconomicsOut = z.infer<typeof clientEconomicsOut>;

// What satisfaction is worth (third slice): METRICS.md "Satisfaction ↔ behaviour".
export const NPS_GROUPS = ['promoter', 'passive', 'detractor', 'none'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];
export const bySatisfactionQuery = z.object({
  from: queryDate,
  to: queryDate,
  period: z.enum(SUMMARY_PERIODS).default('month'),
  ...economicsFilters,
});
export type BySatisfactionQuery = z.infer<typeof bySatisfactionQuery>;
const interval = z
  .tuple([z.number(), z.number()])
  .nullable()
  .describe('95 % interval [low, high]; null when a count is too small');
export const satisfactionGroupOut = z.object({
  group: z.enum(NPS_GROUPS),
  /** Active clients of the group in W (a sale or a feedback record in W). */
  clients: z.number().int(),
  payingClients: z.number().int(),
  revenuePerPayingClient: z.number().nullable(),
  revenuePerPayingClientInterval: interval,
  /** Sales of the group's clients due in W, and the share paid on time. */
  dueSales: z.number().int(),
  onTimeShare: z.number().nullable(),
  onTimeShareInterval: interval,
  /** Of the group's paying clients, the share that buys again in the next window. */
  retention: z.number().nullable(),
  retentionInterval: interval,
});
export type SatisfactionGroupOut = z.infer<typeof satisfactionGroupOut>;
const difference = z.object({ value: z.number().nullable(), interval });
export const bySatisfactionOut = z.object({
  from: z.string(),
  to: z.string(),
  /** The window of the same length right after W, where retention is looked for. */
  next: z.object({ from: z.string(), to: z.string(), complete: z.boolean() }),
  groups: z.array(satisfactionGroupOut),
  /** promoter − detractor. */
  differences: z.object({
    revenuePerPayingClient: difference,
    onTimeShare: difference,
    retention: difference,
  }),
});
export type BySatisfactionOut = z.infer<typeof bySatisfactionOut>;
