// The `transactions` import target (registered with the imports module from index.ts): sales and
// refunds from a file, upserted by document number through the set-based batch, every row in the
// import's one transaction. A row's client must exist — found by code, else INN, else exact name;
// an unknown client is a row error (import the clients first), never created from a sales file.
import { transactionIn, type TransactionIn } from '../../../shared/api/economics.ts';
import {
  MAX_REPORTED_ERRORS,
  TRANSACTION_FIELDS,
  type ImportField,
  type RowError,
} from '../../../shared/api/imports.ts';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { parseAmount } from '../../lib/tabular/amounts.ts';
import { parseCalendarDate } from '../../lib/tabular/cell-values.ts';
import { findClientByKey } from '../clients/index.ts';
import {
  convertEachRow,
  type Cell,
  type Fail,
  type ImportTarget,
  type TargetOutcome,
} from '../imports/index.ts';
import { upsertBatchSetBased } from './batch-upsert.ts';
import { settingsOf } from './settings.service.ts';
import { transactionValues } from './transaction-values.ts';
import { currencyOf, kindOf, TRANSACTION_SYNONYMS } from './transactions-words.ts';

/** Rows per set-based batch at commit (the batch API's own limit). */
const COMMIT_CHUNK = 1000;

type ClientKey = { externalId?: string; inn?: string; name?: string };
export interface TransactionRow {
  client: ClientKey;
  input: Omit<TransactionIn, 'clientId' | 'client'>;
}

/** transactionIn / transactionValues paths → the field whose column they came from. */
const FIELD_OF_PATH: Record<string, ImportField> = {
  externalId: 'externalId',
  date: 'date',
  amount: 'amount',
  cost: 'cost',
  currency: 'currency',
  product: 'product',
  stage: 'stage',
  dueDate: 'dueDate',
  paidAt: 'paidAt',
};
/** transactionValues' reasons → the row error codes the UI words (imports.rowErrors). */
const REASON_CODES: [string, string][] = [
  ['must not be before date', 'paid_before_date'],
  ['at most 2 decimals', 'too_many_decimals'],
  ['must not be negative', 'negative_amount'],
  ['refunds would exceed', 'refund_exceeds_sales'],
];
const codeOfReason = (reason: string, fallback = 'invalid_value') =>
  REASON_CODES.find(([start]) => reason.startsWith(start))?.[1] ?? fallback;

/** The import field of a parameter named `body.<field>` or, by the batch, `items.<i>.<field>`. */
const fieldOfPath = (path: string) =>
  FIELD_OF_PATH[path.replace(/^(body|items\.\d+)\./, '')] ?? null;

function convertRow(cell: Cell, failRow: Fail, decimal: ',' | '.', externalId: string) {
  let failures = 0;
  const fail: Fail = (...args) => {
    failures += 1;
    failRow(...args);
  };
  const kindCell = cell('kind');
  const kind = kindCell === undefined ? 'sale' : kindOf(kindCell);
  if (!kind) fail('kind', 'unknown_kind', `Unknown kind "${kindCell}"; use продажа or возврат`);
  const money = (f: 'amount' | 'cost'): number | undefined => {
    const text = cell(f);
    if (text === undefined) return undefined;
    const read = parseAmount(text, decimal);
    if (!read.ok) return void fail(f, read.code, `${f}: ${read.reason}`);
    // 1C writes returns with a minus; a refund's amount is stored positive.
    if (read.value < 0 && f === 'amount' && kind === 'refund') return -read.value;
    if (read.value < 0) return void fail(f, 'negative_amount', `${f} must not be negative`);
    return read.value;
  };
  const date = (f: 'date' | 'dueDate' | 'paidAt'): string | undefined => {
    const text = cell(f);
    if (text === undefined) return undefined;
    const day = parseCalendarDate(text);
    if (!day)
      fail(f, 'invalid_date', `${f}: "${text.slice(0, 40)}" is not DD.MM.YYYY or YYYY-MM-DD`);
    return day;
  };
  for (const f of ['date', 'amount'] as const)
    if (cell(f) === undefined) fail(f, 'required', `${f} is empty`);
  const currencyCell = cell('currency');
  const currency = currencyCell === undefined ? undefined : currencyOf(currencyCell);
  if (currencyCell !== undefined && !currency)
    fail('currency', 'unknown_currency', `currency: "${currencyCell}" is not a code such as RUB`);
  const input = {
    externalId,
    kind: kind ?? 'sale',
    date: date('date') ?? '',
    amount: money('amount') ?? 0,
    cost: money('cost'),
    currency,
    product: cell('product'),
    stage: cell('stage'),
    dueDate: date('dueDate'),
    paidAt: date('paidAt'),
  };
  const client = {
    externalId: cell('clientExternalId'),
    inn: cell('clientInn'),
    name: cell('clientName'),
  };
  if (!client.externalId && !client.inn && !client.name)
    fail(null, 'client_missing', 'The row names no client: no code, INN or name');
  if (failures > 0) return undefined; // the checks below would repeat what is already said
  // The API's own checks (lengths, decimals, paidAt before date, currency), field by field.
  const parsed = transactionIn.safeParse({ ...input, client: { externalId: 'x', name: 'x' } });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.'));
      fail(field, 'invalid_value', `${field ?? 'row'}: ${issue.message}`);
    }
    return undefined;
  }
  try {
    // The organisation's base currency is read at commit (the set-based batch); here the row's own
    // currency stands in for it, so only amounts and dates are checked.
    transactionValues(parsed.data, parsed.data.currency ?? 'RUB');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    for (const p of err.details?.invalidParams ?? [])
      fail(
        fieldOfPath(p.name),
        err.code === 'currency_mismatch' ? err.code : codeOfReason(p.reason),
        `${fieldOfPath(p.name)}: ${p.reason}`,
      );
  }
  const checked: Partial<TransactionIn> = { ...parsed.data };
  delete checked.client;
  return { client, input: checked as TransactionRow['input'] } satisfies TransactionRow;
}

export const transactionsTarget: ImportTarget<TransactionRow> = {
  name: 'transactions',
  fields: TRANSACTION_FIELDS,
  synonyms: TRANSACTION_SYNONYMS,
  required: [['date'], ['amount'], ['clientExternalId', 'clientInn', 'clientName']],
  amountFields: ['amount', 'cost'],
  rehearse: true,
  convert(table, mapping, opts) {
    const firstRowOf = new Map<string, number>();
    return convertEachRow(
      table,
      mapping,
      TRANSACTION_FIELDS,
      (cell, fail, row) => {
        // Without a document number the row's place in this very file identifies it.
        const externalId = cell('externalId') ?? opts.defaultSourceId(row);
        const earlier = firstRowOf.get(externalId);
        if (earlier !== undefined)
          fail('externalId', 'duplicate_external_id', `The same document number as row ${earlier}`);
        else firstRowOf.set(externalId, row);
        return convertRow(cell, fail, opts.decimalSeparator, externalId);
      },
      MAX_REPORTED_ERRORS,
    );
  },
  async commit(tx, rows, opts) {
    const outcome: TargetOutcome = { created: 0, updated: 0, duplicates: 0, errors: [] };
    const clients = new Map<string, string | null>();
    const refuse = (
      row: number,
      e: Omit<RowError, 'row' | 'column' | 'value'> & { value?: string },
    ) => {
      const f = e.field as ImportField | null;
      if (outcome.errors.length < MAX_REPORTED_ERRORS)
        outcome.errors.push({
          row,
          column: f ? (opts.mapping[f] ?? null) : null,
          ...e,
          value: e.value ?? null,
        });
    };
    // The rows go through the set-based batch in chunks (a handful of statements per chunk, not
    // per row), all inside the import's one transaction; row errors keep the file's row order.
    const { baseCurrency } = await settingsOf(tx);
    for (let start = 0; start < rows.length; start += COMMIT_CHUNK) {
      const chunk: { row: number; item: TransactionIn }[] = [];
      for (const { row, input } of rows.slice(start, start + COMMIT_CHUNK)) {
        const clientId = await clientIdOf(tx, input.client, clients);
        if (clientId) chunk.push({ row, item: { ...input.input, clientId } });
        else refuse(row, unknownClient(input.client));
      }
      const results = await upsertBatchSetBased(
        tx,
        chunk.map((c) => c.item),
        baseCurrency,
      );
      for (const r of results) {
        const { row } = chunk[r.index]!;
        if (r.status !== 'error') {
          outcome[r.status === 'unchanged' ? 'duplicates' : r.status] += 1;
          continue;
        }
        for (const p of r.error!.invalidParams ?? [{ name: '', reason: r.error!.detail }])
          refuse(row, {
            field: fieldOfPath(p.name),
            code: codeOfReason(p.reason, r.error!.code),
            message: `${fieldOfPath(p.name) ?? 'row'}: ${p.reason}`,
          });
      }
    }
    outcome.errors.sort((x, y) => x.row - y.row);
    return outcome;
  },
};

/** The client's id by code, else INN, else exact name; null when none is known (cached per key). */
async function clientIdOf(tx: Ctx, key: ClientKey, cache: Map<string, string | null>) {
  const cacheKey = JSON.stringify([key.externalId, key.inn, key.name]);
  if (cache.has(cacheKey)) return cache.get(cacheKey)!;
  const found =
    (key.externalId && (await findClientByKey(tx, { externalId: key.externalId }))) ||
    (key.inn && (await findClientByKey(tx, { inn: key.inn }))) ||
    (key.name && (await findClientByKey(tx, { name: key.name }))) ||
    undefined;
  cache.set(cacheKey, found?.id ?? null);
  return found?.id ?? null;
}

function unknownClient(key: ClientKey) {
  const [field, said, value] = key.externalId
    ? (['clientExternalId', `code ${key.externalId}`, key.externalId] as const)
    : key.inn
      ? (['clientInn', `INN ${key.inn}`, key.inn] as const)
      : (['clientName', `name "${key.name}"`, key.name!] as const);
  return {
    field,
    value: value.slice(0, 200),
    code: 'unknown_client',
    message: `No client with ${said}; import the clients first (Клиенты и контакты)`,
  };
}
