// Keeps the economics rollups (ADR 011; the stage money of ADR 014 too) exact inside the transaction that changes a transaction
// or records feedback: month and due sums by increments, and each client's month sets. No role
// checks: callers are the economics use-cases and the feedback hook, which have checked.
import type { OrgScope } from '../../context.ts';
import type { EconomicsClientsTable } from '../../db/types.ts';
import { decodeMonths, encodeMonths } from './month-set.ts';
import { periodStart } from './periods.ts';
import { monthOf, RollupDelta, type RollupTx } from './rollup-deltas.ts';
import * as repo from './rollups.repo.ts';
import type { StageTx } from './stage-rollup-deltas.ts';
import { applyStageChanges, stagedClients } from './stage-rollup.service.ts';

/** A transaction's columns the economics and stage-money rollups read. */
type Tx = RollupTx & StageTx;
export interface TxChange {
  before?: Tx;
  after?: Tx;
}

const nonZero = (sums: Record<string, number>) => Object.values(sums).some((v) => v !== 0);

/** Applies inserts (after only), updates (both) and deletes (before only) to the rollups. */
export async function applyTransactionChanges(s: OrgScope, changes: readonly TxChange[]) {
  const delta = new RollupDelta();
  const added = new Map<string, Set<number>>();
  const maybeGone: { clientId: string; month: number }[] = [];
  for (const { before, after } of changes) {
    if (before) delta.add(before, -1);
    if (after) delta.add(after, 1);
    if (after?.kind === 'sale') {
      const set = added.get(after.client_id) ?? new Set<number>();
      set.add(monthOf(after.date));
      added.set(after.client_id, set);
    }
    if (before?.kind === 'sale')
      maybeGone.push({ clientId: before.client_id, month: monthOf(before.date) });
  }
  await repo.addMonthSums(
    s.db,
    s.orgId,
    [...delta.months].filter(([, m]) => nonZero({ ...m })).map(([month, m]) => ({ month, ...m })),
  );
  await repo.addDueSums(
    s.db,
    s.orgId,
    [...delta.due.values()].filter((d) => nonZero({ ...d, due_month: 0, paid_month: 0 })),
  );

  // A month leaves a client's set only when no sale of that client is dated in it any more.
  const candidates = maybeGone.filter((g) => !added.get(g.clientId)?.has(g.month));
  const stillSold = new Set(
    (
      await repo.salesInRanges(
        s.db,
        s.orgId,
        candidates.map((g) => ({
          clientId: g.clientId,
          from: periodStart(g.month, 'month'),
          to: periodStart(g.month + 1, 'month'),
        })),
      )
    ).map((r) => `${r.client_id}:${monthOf(r.date)}`),
  );
  const removed = new Map<string, number[]>();
  for (const g of candidates)
    if (!stillSold.has(`${g.clientId}:${g.month}`))
      removed.set(g.clientId, [...(removed.get(g.clientId) ?? []), g.month]);
  // The stage money reads "bought in a period" from these sets, before and after (ADR 014).
  const months = await updateClientSets(s, 'sale_months', added, removed, stagedClients(changes));
  await applyStageChanges(s, changes, months);
}

/** Marks the months in which clients gave feedback (received_at's UTC month). */
export async function recordFeedbackActivity(
  s: OrgScope,
  records: readonly { clientId: string | null; receivedAt: string }[],
): Promise<void> {
  const added = new Map<string, Set<number>>();
  for (const r of records) {
    if (!r.clientId) continue;
    const set = added.get(r.clientId) ?? new Set<number>();
    set.add(monthOf(new Date(r.receivedAt).toISOString().slice(0, 10)));
    added.set(r.clientId, set);
  }
  await updateClientSets(s, 'feedback_months', added, new Map());
}

/** Records deleted (issue 19): a month goes when the client has no other record in it. */
export async function removeFeedbackActivity(
  s: OrgScope,
  records: readonly { clientId: string | null; receivedAt: string; monthStillSpoken: boolean }[],
): Promise<void> {
  const removed = new Map<string, number[]>();
  for (const r of records) {
    if (!r.clientId || r.monthStillSpoken) continue;
    const list = removed.get(r.clientId) ?? [];
    list.push(monthOf(new Date(r.receivedAt).toISOString().slice(0, 10)));
    removed.set(r.clientId, list);
  }
  await updateClientSets(s, 'feedback_months', new Map(), removed);
}

/**
 * Adds and removes months of the clients' sets; returns every changed client's set before and
 * after, and those of the `alsoRead` clients (unchanged ones: the same set twice).
 */
async function updateClientSets(
  s: OrgScope,
  column: 'sale_months' | 'feedback_months',
  added: ReadonlyMap<string, ReadonlySet<number>>,
  removed: ReadonlyMap<string, readonly number[]>,
  alsoRead: readonly string[] = [],
): Promise<Map<string, { old: Set<number>; now: Set<number> }>> {
  const sets = new Map<string, { old: Set<number>; now: Set<number> }>();
  const ids = [...new Set([...added.keys(), ...removed.keys(), ...alsoRead])];
  if (ids.length === 0) return sets;
  // The version row is locked first: a concurrent batch that adds another month to the same
  // client waits here and then reads this one's sets, instead of overwriting them with its own
  // stale read (the merge is read-modify-write in JS).
  const version = await repo.nextClientSetsVersion(s.db, s.orgId);
  const current = new Map(
    (await repo.clientRollups(s.db, s.orgId, ids)).map((r) => [r.client_id, r]),
  );
  const changed: Omit<EconomicsClientsTable, 'version'>[] = [];
  for (const id of ids) {
    const row: Omit<EconomicsClientsTable, 'version'> = current.get(id) ?? {
      org_id: s.orgId,
      client_id: id,
      sale_months: '',
      feedback_months: '',
    };
    const old = new Set(decodeMonths(row[column]));
    const adds = [...(added.get(id) ?? [])].filter((m) => !old.has(m));
    const removes = (removed.get(id) ?? []).filter((m) => old.has(m));
    // Most sales fall in a month the client already bought in: nothing to write or compare.
    if (adds.length === 0 && removes.length === 0) {
      sets.set(id, { old, now: old });
      continue;
    }
    const months = new Set(old);
    for (const m of adds) months.add(m);
    for (const m of removes) months.delete(m);
    sets.set(id, { old, now: months });
    changed.push({ ...row, [column]: encodeMonths(months) });
  }
  await repo.saveClientRollups(s.db, changed, version);
  return sets;
}

/**
 * Rebuilds the organisation's transaction rollups from its transactions (a repair, and how a
 * bulk load that bypassed the API catches up); feedback months are kept. Run in a transaction.
 */
export async function rebuildTransactionRollups(s: OrgScope): Promise<void> {
  await repo.clearRollups(s.db, s.orgId);
  const rows = await repo.allTransactions(s.db, s.orgId);
  const delta = new RollupDelta();
  const sold = new Map<string, Set<number>>();
  for (const r of rows) {
    delta.add(r, 1);
    if (r.kind !== 'sale') continue;
    const set = sold.get(r.client_id) ?? new Set<number>();
    set.add(monthOf(r.date));
    sold.set(r.client_id, set);
  }
  const chunk = <T>(list: T[]) =>
    Array.from({ length: Math.ceil(list.length / 500) }, (_, i) =>
      list.slice(i * 500, i * 500 + 500),
    );
  for (const part of chunk([...delta.months].map(([month, m]) => ({ month, ...m }))))
    await repo.addMonthSums(s.db, s.orgId, part);
  for (const part of chunk([...delta.due.values()])) await repo.addDueSums(s.db, s.orgId, part);
  for (const part of chunk([...sold.keys()]))
    await updateClientSets(
      s,
      'sale_months',
      new Map(part.map((id) => [id, sold.get(id)!])),
      new Map(),
    );
}
