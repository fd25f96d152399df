// Client economics figures (issue 14): the summary, the levers, one client's economics, what
// satisfaction is worth, and the organisation's economics settings. Money on the wire is a
// decimal number with 2 decimals in the base currency; windows are [from, to) of whole periods.
import { z } from 'zod';
import { ECONOMICS_PERIODS } from '../domain/vocabulary.ts';
import { queryDate } from './economics.ts';

/** Filters every economics endpoint takes besides the window. */
export const economicsFilters = {
  segment: z.string().trim().min(1).max(200).optional(),
  /** The clients' manager (clients.managerId). */
  managerId: z.uuid().optional(),
  /** Transactions of one journey stage only (transactions.stage). */
  stage: z.string().trim().min(1).max(100).optional(),
};
export const ECONOMICS_FILTERS = Object.keys(economicsFilters);

export const SUMMARY_PERIODS = ECONOMICS_PERIODS;
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
  /** Default: the organisation's period setting. */
  period: z.enum(SUMMARY_PERIODS).optional(),
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

// The organisation's economics settings (third slice).
export const economicsSettingsOut = z.object({
  baseCurrency: z.string(),
  period: z.enum(SUMMARY_PERIODS),
  /** null: the UI says "Средний чек" / "Average purchase". */
  appnLabel: z.string().nullable(),
  /** null: the default rule, max(2, 3 × the client's median gap between paying periods). */
  churnAfterPeriods: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type EconomicsSettingsOut = z.infer<typeof economicsSettingsOut>;
export const economicsSettingsIn = z
  .object({
    /** Changing it is refused (409) once the organisation has transactions. */
    baseCurrency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as RUB'),
    period: z.enum(SUMMARY_PERIODS),
    appnLabel: z.string().trim().min(1).max(80).nullable(),
    churnAfterPeriods: z.number().int().min(1).max(120).nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one field is required' });
export type EconomicsSettingsIn = z.infer<typeof economicsSettingsIn>;
