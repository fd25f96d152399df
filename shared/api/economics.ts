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

export const queryDate = z.string().regex(/^\d{4}-\d\d-\d\d$/, 'YYYY-MM-DD');
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
