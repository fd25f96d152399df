// POST /api/v1/transactions/batch, set-based (issue 14: ≥ 20 000 rows/s). Every item is checked
// first — shape, values, client, manager — with one query per kind of lookup for the whole
// batch; then the items are applied in order in memory (a later item with the same externalId
// updates the earlier one, refunds are checked against the sales so far, batch included), and
// the result is written in one transaction: new rows with multi-row inserts, changed rows one
// UPDATE each, the rollups once. Each item still succeeds or fails on its own.
import { durableTransaction, type Ctx } from '../../context.ts';
import type { TransactionsTable } from '../../db/types.ts';
import { AppError, unknownReference } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import {
  transactionIn,
  type TransactionBatchResult,
  type TransactionIn,
} from '../../../shared/api/economics.ts';
import { existingClientIds, resolveClient } from '../clients/index.ts';
import { findOrgUser } from '../orgs/index.ts';
import { ensureStageKeys } from '../stages/index.ts';
import * as repo from './economics.repo.ts';
import { applyTransactionChanges } from './rollups.service.ts';
import { refundTooLarge, sameValues, transactionValues } from './transaction-values.ts';

type Values = ReturnType<typeof transactionValues>;
interface Item {
  index: number;
  input: TransactionIn;
  values: Values;
  clientId?: string;
}

/** A batch item's result for an AppError, its `body.` parameters renamed `items.<index>.`. */
export function itemError(index: number, err: AppError): TransactionBatchResult {
  const invalidParams = err.details?.invalidParams?.map((p) => ({
    ...p,
    name: p.name.replace(/^body\./, `items.${index}.`),
  }));
  return {
    index,
    status: 'error',
    error: { code: err.code, detail: err.message, ...(invalidParams ? { invalidParams } : {}) },
  };
}

const unknown = (index: number, field: string, what: string) =>
  itemError(index, unknownReference(`body.${field}`, what));

/** The item parsed as a transaction, or its 400 result naming `items.<index>.<field>`. */
export function parseItem(
  index: number,
  item: unknown,
): { input: TransactionIn } | { error: TransactionBatchResult } {
  const parsed = transactionIn.safeParse(item);
  if (parsed.success) return { input: parsed.data };
  const invalidParams = parsed.error.issues.map((i) => ({
    name: ['items', index, ...i.path].join('.'),
    reason: i.message,
  }));
  return {
    error: {
      index,
      status: 'error',
      error: { code: 'validation_failed', detail: 'The item is not valid', invalidParams },
    },
  };
}

/** Shape and values of each item: the valid ones, and an error for each other. */
function prepare(items: unknown[], baseCurrency: string) {
  const ok: Item[] = [];
  const errors: TransactionBatchResult[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = parseItem(index, item);
    if ('error' in parsed) {
      errors.push(parsed.error);
      continue;
    }
    try {
      ok.push({
        index,
        input: parsed.input,
        values: transactionValues(parsed.input, baseCurrency),
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push(itemError(index, err));
    }
  }
  return { ok, errors };
}

/** Clients and managers of the batch: one lookup per kind; unknown ones fail their items. */
async function resolveParties(tx: Ctx, items: Item[], errors: TransactionBatchResult[]) {
  const known = await existingClientIds(tx, [
    ...new Set(items.flatMap((i) => (i.input.clientId ? [i.input.clientId] : []))),
  ]);
  const byExternal = new Map<string, string>();
  const managers = new Map<string, boolean>();
  const kept: Item[] = [];
  for (const item of items) {
    const { clientId, client } = item.input;
    if (clientId && !known.has(clientId)) {
      errors.push(unknown(item.index, 'clientId', 'client'));
      continue;
    }
    if (client && !byExternal.has(client.externalId))
      byExternal.set(client.externalId, (await resolveClient(tx, { client }))!.id);
    const manager = item.values.manager_id;
    if (manager && !managers.has(manager))
      managers.set(manager, (await findOrgUser(tx, manager)) !== undefined);
    if (manager && !managers.get(manager)) {
      errors.push(unknown(item.index, 'managerId', 'user'));
      continue;
    }
    kept.push({ ...item, clientId: clientId ?? byExternal.get(client!.externalId)! });
  }
  return kept;
}

export async function upsertBatchSetBased(
  ctx: Ctx,
  items: unknown[],
  baseCurrency: string,
): Promise<TransactionBatchResult[]> {
  const { ok, errors } = prepare(items, baseCurrency);
  const results: TransactionBatchResult[] = [...errors];
  // Answered after the fsync, which runs off the event loop (a sender's next batch is parsed
  // meanwhile, and batches of several senders share one fsync).
  await durableTransaction(ctx, async (tx) => {
    const valid = await resolveParties(tx, ok, results);
    const externalIds = [...new Set(valid.map((i) => i.input.externalId))];
    const stored = new Map(
      (await repo.findTransactionsByExternalIds(tx.db, tx.orgId, externalIds)).map((r) => [
        r.external_id,
        r,
      ]),
    );
    const refundClients = [
      ...new Set(valid.filter((i) => i.values.kind === 'refund').map((i) => i.clientId!)),
    ];
    // Sales and refunds so far of the clients that get a refund, without the documents of this
    // batch: those count as the batch applies them.
    const sums = await repo.sumsByClient(tx.db, tx.orgId, refundClients, externalIds);
    const track = new Set(refundClients);
    const add = (
      row: Pick<TransactionsTable, 'client_id' | 'kind' | 'amount_minor'>,
      sign: 1 | -1,
    ) => {
      if (!track.has(row.client_id)) return;
      const s = sums.get(row.client_id) ?? { sales: 0, refunds: 0 };
      if (row.kind === 'sale') s.sales += sign * Number(row.amount_minor);
      else s.refunds += sign * Number(row.amount_minor);
      sums.set(row.client_id, s);
    };
    for (const row of stored.values()) add(row, 1);
    const current = new Map(stored);
    const now = tx.clock.now();
    for (const item of valid) {
      const before = current.get(item.input.externalId);
      if (before && sameValues(before, item.values, item.clientId!)) {
        results.push({ index: item.index, status: 'unchanged', id: before.id });
        continue;
      }
      if (before) add(before, -1);
      if (item.values.kind === 'refund') {
        const s = sums.get(item.clientId!) ?? { sales: 0, refunds: 0 };
        if (s.refunds + item.values.amount_minor > s.sales) {
          if (before) add(before, 1);
          results.push(itemError(item.index, refundTooLarge(s.sales, s.refunds)));
          continue;
        }
      }
      const stamp = now.toISOString();
      const row: TransactionsTable = before
        ? { ...before, ...item.values, client_id: item.clientId!, updated_at: stamp }
        : {
            id: newId(now.getTime()),
            org_id: tx.orgId,
            client_id: item.clientId!,
            external_id: item.input.externalId,
            ...item.values,
            created_at: stamp,
            updated_at: stamp,
          };
      add(row, 1);
      current.set(item.input.externalId, row);
      results.push({ index: item.index, status: before ? 'updated' : 'created', id: row.id });
    }
    const inserts: TransactionsTable[] = [];
    const changes: { before?: TransactionsTable; after: TransactionsTable }[] = [];
    for (const [externalId, row] of current) {
      const was = stored.get(externalId);
      if (was === row) continue;
      if (was) {
        const { id, org_id: _o, external_id: _e, created_at: _c, ...patch } = row;
        await repo.updateTransaction(tx.db, tx.orgId, id, patch);
      } else inserts.push(row);
      changes.push({ before: was, after: row });
    }
    await repo.insertTransactions(tx.db, inserts);
    // New stage keys join the registry with the batch (one query for the set, ADR 012).
    await ensureStageKeys(
      tx,
      changes.map((c) => c.after.stage),
    );
    await applyTransactionChanges(tx, changes);
  });
  return results.sort((a, b) => a.index - b.index);
}
