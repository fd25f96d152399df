// The only file of the economics module with SQL.
import type {
  DbOrTrx,
  EconomicsSettingsTable,
  MarketingSpendTable,
  TransactionsTable,
} from '../../db/types.ts';
import { insertRows } from '../../db/bulk.ts';
import { selectByKeys } from '../../db/select-by-keys.ts';
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

/**
 * Every transaction dated in [from, to) — from omitted: the whole history before `to`, which the
 * figures need for first sales and churn.
 */
export async function transactionsBefore(db: DbOrTrx, orgId: string, to: string, from?: string) {
  let query = db
    .selectFrom('transactions')
    .select(['client_id', 'kind', 'date', 'amount_minor', 'cost_minor', 'stage'])
    .where('org_id', '=', orgId)
    .where('date', '<', to);
  if (from !== undefined) query = query.where('date', '>=', from);
  return query.execute();
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

export async function findTransactionsByExternalIds(
  db: DbOrTrx,
  orgId: string,
  externalIds: readonly string[],
): Promise<TransactionsTable[]> {
  // One probe of the unique index per number on PostgreSQL, whatever the batch size.
  return selectByKeys(db, 'external_id', externalIds, (keys) =>
    db.selectFrom('transactions').selectAll().where('org_id', '=', orgId).where(keys),
  );
}

/** Σ minor units of sales and of refunds per client, leaving out the documents `except`. */
export async function sumsByClient(
  db: DbOrTrx,
  orgId: string,
  clientIds: readonly string[],
  except: readonly string[],
): Promise<Map<string, { sales: number; refunds: number }>> {
  const sums = new Map<string, { sales: number; refunds: number }>();
  if (clientIds.length === 0) return sums;
  let query = db
    .selectFrom('transactions')
    .select((eb) => ['client_id', 'kind', eb.fn.sum<string | number>('amount_minor').as('total')])
    .where('org_id', '=', orgId)
    .where('client_id', 'in', clientIds);
  if (except.length) query = query.where('external_id', 'not in', except);
  for (const r of await query.groupBy(['client_id', 'kind']).execute()) {
    const s = sums.get(r.client_id) ?? { sales: 0, refunds: 0 };
    if (r.kind === 'sale') s.sales = Number(r.total);
    else s.refunds = Number(r.total);
    sums.set(r.client_id, s);
  }
  return sums;
}

export async function insertTransactions(
  db: DbOrTrx,
  rows: readonly TransactionsTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await insertRows(db, 'transactions', rows.slice(i, i + 500));
}
