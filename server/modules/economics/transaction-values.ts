// Pure checks and conversions of a transaction's values (no I/O): decimal money → minor units,
// calendar dates, payment after the document, the currency against the base. Each problem names
// its field, so a single call and a batch item answer alike.
import type { TransactionIn } from '../../../shared/api/economics.ts';
import type { InvalidParam } from '../../../shared/api/errors.ts';
import type { TransactionsTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { fromMinorUnits, toMinorUnits as decimalToMinorUnits } from '../../lib/money.ts';

/** The columns a transaction's input decides (the rest are identity, client and times). */
export type TransactionValues = Pick<
  TransactionsTable,
  | 'kind'
  | 'date'
  | 'amount_minor'
  | 'cost_minor'
  | 'currency'
  | 'exchange_rate'
  | 'product'
  | 'stage'
  | 'due_date'
  | 'paid_at'
  | 'manager_id'
>;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A decimal amount → minor units, or the reason it is not one (server/lib/money.ts). */
export const toMinorUnits = (value: number): number | string =>
  decimalToMinorUnits(
    value,
    'must not be negative (a refund is kind "refund" with a positive amount)',
  );

export { fromMinorUnits };

/**
 * The stored values of a transaction, or 422: `unprocessable` naming every bad field, or
 * `currency_mismatch` for a foreign currency without a rate. Amounts in another currency are
 * converted to the base with the rate and rounded half up to the kopeck.
 */
export function transactionValues(input: TransactionIn, baseCurrency: string): TransactionValues {
  const invalid: InvalidParam[] = [];
  const minor = (name: 'amount' | 'cost', value: number | undefined): number | null => {
    if (value === undefined) return null;
    const m = toMinorUnits(value);
    if (typeof m === 'string') invalid.push({ name: `body.${name}`, reason: m });
    return typeof m === 'number' ? m : null;
  };
  const amount = minor('amount', input.amount);
  const cost = minor('cost', input.cost);
  for (const name of ['date', 'dueDate', 'paidAt'] as const) {
    const value = input[name];
    if (value !== undefined && !isCalendarDate(value))
      invalid.push({ name: `body.${name}`, reason: 'a calendar date YYYY-MM-DD' });
  }
  if (
    input.paidAt &&
    isCalendarDate(input.paidAt) &&
    isCalendarDate(input.date) &&
    input.paidAt < input.date
  )
    invalid.push({ name: 'body.paidAt', reason: 'must not be before date' });
  if (invalid.length)
    throw new AppError('unprocessable', 'The transaction is not valid', { invalidParams: invalid });

  const currency = input.currency ?? baseCurrency;
  const foreign = currency !== baseCurrency;
  if (foreign && input.exchangeRate === undefined)
    throw new AppError(
      'currency_mismatch',
      `The base currency is ${baseCurrency}; a transaction in ${currency} needs exchangeRate`,
      {
        invalidParams: [
          { name: 'body.currency', reason: `not ${baseCurrency} and no exchangeRate` },
        ],
      },
    );
  const rate = foreign ? input.exchangeRate! : null;
  const toBase = (m: number | null) => (m === null || rate === null ? m : Math.round(m * rate));
  return {
    kind: input.kind,
    date: input.date,
    amount_minor: toBase(amount)!,
    cost_minor: toBase(cost),
    currency,
    exchange_rate: rate,
    product: input.product ?? null,
    stage: input.stage ?? null,
    due_date: input.dueDate ?? null,
    paid_at: input.paidAt ?? null,
    manager_id: input.managerId ?? null,
  };
}

/** True when a stored row already holds these values (a repeated export: 200 unchanged). */
export function sameValues(row: TransactionsTable, values: TransactionValues, clientId: string) {
  return (
    row.client_id === clientId &&
    (Object.keys(values) as (keyof TransactionValues)[]).every((k) => row[k] === values[k])
  );
}

/** 422 for a refund that would take the client's refunds above its sales (minor units so far). */
export function refundTooLarge(sales: number, refunds: number): AppError {
  return new AppError('unprocessable', 'The refund is larger than the client’s sales so far', {
    invalidParams: [
      {
        name: 'body.amount',
        reason: `refunds would exceed the client's sales (${fromMinorUnits(sales - refunds)} left to refund)`,
      },
    ],
  });
}
