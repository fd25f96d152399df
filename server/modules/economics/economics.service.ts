// Use-cases of client economics, first slice: transactions upserted by external id (one call or
// a batch of up to 1000, each item on its own), listed newest first, deleted.
import { inTransaction, isInTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { TransactionsTable } from '../../db/types.ts';
import { AppError, notFound, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeKeyCursor, toKeyPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import {
  type ListTransactionsQuery,
  type TransactionBatchResult,
  type TransactionIn,
  type UpsertStatus,
} from '../../../shared/api/economics.ts';
import { findClient, resolveClient } from '../clients/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { itemError, parseItem, upsertBatchSetBased } from './batch-upsert.ts';
import { ensureStageKeys } from '../stages/index.ts';
import * as repo from './economics.repo.ts';
import { applyTransactionChanges } from './rollups.service.ts';
import { settingsOf } from './settings.service.ts';
import { refundTooLarge, sameValues, transactionValues } from './transaction-values.ts';

export interface UpsertResult {
  status: UpsertStatus;
  row: TransactionsTable;
}

/** One transaction: 'created' (201), or the same externalId again: 'updated' or 'unchanged' (200). */
export async function upsertTransaction(ctx: Ctx, input: TransactionIn): Promise<UpsertResult> {
  assertCan(ctx.actor, 'data.write');
  return upsertOne(ctx, input, (await settingsOf(ctx)).baseCurrency);
}

/**
 * Each item on its own: a bad item gets its error, the others are stored; no item half-written.
 * Set-based (batch-upsert.ts); should a concurrent writer store one of the same documents first
 * (a unique violation), the batch is applied again item by item.
 */
export async function upsertTransactionBatch(
  ctx: Ctx,
  items: unknown[],
): Promise<TransactionBatchResult[]> {
  assertCan(ctx.actor, 'data.write');
  const { baseCurrency } = await settingsOf(ctx);
  try {
    return await upsertBatchSetBased(ctx, items, baseCurrency);
  } catch (err) {
    if (!isUniqueViolation(err) || isInTransaction(ctx)) throw err;
    return upsertItemByItem(ctx, items, baseCurrency);
  }
}

async function upsertItemByItem(
  ctx: Ctx,
  items: unknown[],
  baseCurrency: string,
): Promise<TransactionBatchResult[]> {
  const results: TransactionBatchResult[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = parseItem(index, item);
    if ('error' in parsed) {
      results.push(parsed.error);
      continue;
    }
    try {
      const { status, row } = await upsertOne(ctx, parsed.input, baseCurrency);
      results.push({ index, status, id: row.id });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push(itemError(index, err));
    }
  }
  return results;
}

async function upsertOne(
  ctx: Ctx,
  input: TransactionIn,
  baseCurrency: string,
): Promise<UpsertResult> {
  const values = transactionValues(input, baseCurrency); // 422 before anything is read or written
  const write = () => inTransaction(ctx, (tx) => writeTransaction(tx, input, values));
  try {
    return await write();
  } catch (err) {
    // A concurrent request stored the same external id (or the same new client) first: once more
    // sees its row and updates it or finds it unchanged.
    if (!isUniqueViolation(err) || isInTransaction(ctx)) throw err;
    return write();
  }
}

async function writeTransaction(
  tx: Ctx,
  input: TransactionIn,
  values: ReturnType<typeof transactionValues>,
): Promise<UpsertResult> {
  const client = (await resolveClient(tx, { clientId: input.clientId, client: input.client }))!;
  if (values.manager_id && !(await findOrgUser(tx, values.manager_id)))
    throw unknownReference('body.managerId', 'user');
  const existing = await repo.findTransactionByExternalId(tx.db, tx.orgId, input.externalId);
  if (existing && sameValues(existing, values, client.id))
    return { status: 'unchanged', row: existing };
  if (values.kind === 'refund') {
    const sums = await repo.sumsByClient(tx.db, tx.orgId, [client.id], [input.externalId]);
    const { sales, refunds } = sums.get(client.id) ?? { sales: 0, refunds: 0 };
    if (refunds + values.amount_minor > sales) throw refundTooLarge(sales, refunds);
  }
  await ensureStageKeys(tx, [values.stage]);
  const now = tx.clock.now().toISOString();
  if (existing) {
    const patch = { ...values, client_id: client.id, updated_at: now };
    await repo.updateTransaction(tx.db, tx.orgId, existing.id, patch);
    const row = { ...existing, ...patch };
    await applyTransactionChanges(tx, [{ before: existing, after: row }]);
    return { status: 'updated', row };
  }
  const row: TransactionsTable = {
    id: newId(tx.clock.now().getTime()),
    org_id: tx.orgId,
    client_id: client.id,
    external_id: input.externalId,
    ...values,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTransaction(tx.db, row);
  await applyTransactionChanges(tx, [{ after: row }]);
  return { status: 'created', row };
}

export async function getTransaction(ctx: Ctx, id: string): Promise<TransactionsTable> {
  assertCan(ctx.actor, 'data.read');
  const row = await repo.findTransaction(ctx.db, ctx.orgId, id);
  if (!row) throw notFound('Transaction');
  return row;
}

/** Newest document date first, ties by id; a (date, id) keyset cursor. */
export async function listTransactions(ctx: Ctx, query: ListTransactionsQuery) {
  assertCan(ctx.actor, 'data.read');
  // Another organisation's client is the same 404 as none, never an empty page (SECURITY.md).
  if (query.clientId !== undefined && !(await findClient(ctx, query.clientId)))
    throw unknownReference('query.clientId', 'client');
  const rows = await repo.listTransactions(ctx.db, ctx.orgId, {
    clientId: query.clientId,
    from: query.from,
    to: query.to,
    cursor: decodeKeyCursor(query.cursor),
    limit: query.limit,
  });
  return toKeyPage(rows, query.limit, (r) => r.date);
}

export async function deleteTransaction(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'data.write');
  await inTransaction(ctx, async (tx) => {
    const row = await repo.findTransaction(tx.db, tx.orgId, id);
    if (!row || (await repo.deleteTransaction(tx.db, tx.orgId, id)) === 0)
      throw notFound('Transaction');
    await applyTransactionChanges(tx, [{ before: row }]);
    await recordAudit(tx, 'transaction.deleted', { type: 'transaction', id });
  });
}
