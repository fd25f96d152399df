// The only file of the economics module with SQL.
import type {
  DbOrTrx,
  EconomicsSettingsTable,
  MarketingSpendTable,
  TransactionsTable,
} from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { KeyCursor } from '../../lib/paging.ts';

export async function findTransaction(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<TransactionsTable | undefined> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findTransactionByExternalId(
  db: DbOrTrx,
  orgId: string,
  externalId: string,
): Promise<TransactionsTable | undefined> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export async function insertTransaction(db: DbOrTrx, row: TransactionsTable): Promise<void> {
  await db.insertInto('transactions').values(row).execute();
}

export async function updateTransaction(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<Omit<TransactionsTable, 'id' | 'org_id' | 'external_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('transactions')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Rows deleted (0 when the id names nothing of this organisation). */
export async function deleteTransaction(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  const res = await db
    .deleteFrom('transactions')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Σ minor units of a client's sales and of its refunds, leaving out one document (the one being upserted). */
export async function sumClientTransactions(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  exceptExternalId: string,
): Promise<{ sales: number; refunds: number }> {
  const rows = await db
    .selectFrom('transactions')
    .select((eb) => ['kind', eb.fn.sum<string | number>('amount_minor').as('total')])
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('external_id', '<>', exceptExternalId)
    .groupBy('kind')
    .execute();
  const total = (kind: string) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  return { sales: total('sale'), refunds: total('refund') };
}

export async function listTransactions(
  db: DbOrTrx,
  orgId: string,
  q: { clientId?: string; from?: string; to?: string; cursor?: KeyCursor; limit: number },
): Promise<TransactionsTable[]> {
  let query = db.selectFrom('transactions').selectAll().where('org_id', '=', orgId);
  if (q.clientId) query = query.where('client_id', '=', q.clientId);
  if (q.from) query = query.where('date', '>=', q.from);
  if (q.to) query = query.where('date', '<', q.to);
  if (q.cursor) query = query.where(before('date', q.cursor));
  return query
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Every transaction dated before `to` (the figures need the history for first sales and churn). */
export async function transactionsBefore(db: DbOrTrx, orgId: string, to: string) {
  return db
    .selectFrom('transactions')
    .select(['client_id', 'kind', 'date', 'amount_minor', 'cost_minor', 'stage'])
    .where('org_id', '=', orgId)
    .where('date', '<', to)
    .execute();
}

/** Sales whose due date is in [from, to). */
export async function salesDueIn(db: DbOrTrx, orgId: string, from: string, to: string) {
  return db
    .selectFrom('transactions')
    .select(['client_id', 'due_date', 'paid_at', 'stage'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'sale')
    .where('due_date', '>=', from)
    .where('due_date', '<', to)
    .execute();
}

export async function upsertSpend(db: DbOrTrx, row: MarketingSpendTable): Promise<void> {
  await db
    .insertInto('marketing_spend')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'period', 'channel'])
        .doUpdateSet({ amount_minor: row.amount_minor, updated_at: row.updated_at }),
    )
    .execute();
}

/** Spend rows of months in [from, to), by month then channel. */
export async function listSpend(
  db: DbOrTrx,
  orgId: string,
  q: { from?: string; to?: string },
): Promise<MarketingSpendTable[]> {
  let query = db.selectFrom('marketing_spend').selectAll().where('org_id', '=', orgId);
  if (q.from) query = query.where('period', '>=', q.from);
  if (q.to) query = query.where('period', '<', q.to);
  return query.orderBy('period').orderBy('channel').execute();
}

export async function findSettings(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('economics_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertSettings(db: DbOrTrx, row: EconomicsSettingsTable): Promise<void> {
  const { org_id: _org, ...rest } = row;
  await db
    .insertInto('economics_settings')
    .values(row)
    .onConflict((oc) => oc.column('org_id').doUpdateSet(rest))
    .execute();
}

/** True when the organisation has at least one transaction. */
export async function hasTransactions(db: DbOrTrx, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('transactions')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every transaction of one client dated on or before `asOf`, oldest first. */
export async function clientTransactions(
  db: DbOrTrx,
  orgId: string,
  clientId: string,
  asOf: string,
) {
  return db
    .selectFrom('transactions')
    .select(['client_id', 'kind', 'date', 'amount_minor', 'cost_minor', 'due_date', 'paid_at'])
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('date', '<=', asOf)
    .orderBy('date')
    .execute();
}
