// Keeps the stage-money rollup (ADR 014) exact in the transaction that changes transactions, a
// client's group or a stage key: member rows by increments (their sales after the change come
// back from the upsert, so a flip of "paying" is known without a read), "bought in a period" from
// the clients' sale months before and after the change (ADR 011's sets, which the same
// transaction updates), then the group rows by the parts that moved. No role checks: callers are
// economics' use-cases and the hooks of clients and stages, which have checked.
import type { OrgScope } from '../../context.ts';
import { clientGroupsOf, type ClientsRegrouped } from '../clients/index.ts';
import type { StagesMerged } from '../stages/index.ts';
import { decodeMonths } from './month-set.ts';
import { clientRollups } from './rollups.repo.ts';
import {
  boughtFlips,
  boughtIn,
  clientPart,
  GroupDelta,
  groupOf,
  memberKey,
  StageDelta,
  type BuyKey,
  type MemberKey,
  type StageTx,
} from './stage-rollup-deltas.ts';
import * as rebuild from './stage-rollup-rebuild.repo.ts';
import * as repo from './stage-rollup.repo.ts';

export interface StageTxChange {
  before?: StageTx;
  after?: StageTx;
}

/** Each client's months with a sale, before and after the change being applied. */
export type SaleMonthsChange = ReadonlyMap<
  string,
  { old: ReadonlySet<number>; now: ReadonlySet<number> }
>;

type Flip = { old: number; now: number };
const on = (n: number) => (n > 0 ? 1 : 0);

/** The clients whose sale months applyStageChanges needs: those with a staged document. */
export const stagedClients = (changes: readonly StageTxChange[]) =>
  changes.flatMap((c) =>
    [c.before, c.after].flatMap((t) => (t && t.stage !== null ? [t.client_id] : [])),
  );

/**
 * Applies inserts (after only), updates (both) and deletes (before only) to the rollup. `months`
 * holds the sale months of every client of `stagedClients(changes)` and of every client whose
 * sale months changed.
 */
export async function applyStageChanges(
  s: OrgScope,
  changes: readonly StageTxChange[],
  months: SaleMonthsChange,
): Promise<void> {
  const delta = new StageDelta();
  for (const { before, after } of changes) {
    if (before) delta.add(before, -1);
    if (after) delta.add(after, 1);
  }
  const members = delta.changed();
  const flipped = [...months].flatMap(([id, m]) =>
    m.old === m.now ? [] : boughtFlips(id, m.old, m.now),
  );
  if (members.length === 0 && flipped.length === 0) return;
  const setsOf = (clientId: string) => {
    const m = months.get(clientId);
    if (!m) throw new Error(`stage money: sale months of client ${clientId} were not read`);
    return m;
  };
  // Sales before and after of every touched member row.
  const memberSales = new Map<string, Flip>();
  for (const r of await repo.addMembers(s.db, s.orgId, members)) {
    const key = memberKey(r);
    memberSales.set(key, { old: r.sales - delta.members.get(key)!.sales, now: r.sales });
  }
  // Retention of (client, stage, P) = paying in P × bought in P + 1: it may move where paying
  // flipped, and for every stage of P − 1 where "bought in P" flipped.
  const cells = new Map<string, MemberKey & { sales: Flip }>();
  for (const m of members) {
    const sales = memberSales.get(memberKey(m))!;
    if (on(sales.old) !== on(sales.now)) cells.set(memberKey(m), { ...m, sales });
  }
  const before = flipped.map((b) => ({ ...b, period: b.period - 1 }));
  for (const r of await repo.membersAt(s.db, s.orgId, before)) {
    const key = memberKey(r);
    const now = Number(r.sales);
    const m = { client_id: String(r.client_id), span: r.span, period: r.period, stage: r.stage };
    cells.set(key, { ...m, sales: memberSales.get(key) ?? { old: now, now } });
  }
  const boughtNext = (c: BuyKey): Flip => {
    const m = setsOf(c.client_id);
    return {
      old: boughtIn(m.old, c.span, c.period + 1) ? 1 : 0,
      now: boughtIn(m.now, c.span, c.period + 1) ? 1 : 0,
    };
  };
  const clients = [...members, ...cells.values()].map((m) => m.client_id);
  const groups = await clientGroupsOf(s, [...new Set(clients)]);
  const out = new GroupDelta();
  for (const m of members) out.add(groupOf(m, groups.get(m.client_id)), m);
  for (const c of cells.values()) {
    const b = boughtNext(c);
    out.add(groupOf(c, groups.get(c.client_id)), {
      paying: on(c.sales.now) - on(c.sales.old),
      retained: on(c.sales.now) * b.now - on(c.sales.old) * b.old,
    });
  }
  await repo.addGroups(s.db, s.orgId, out.rows());
}

/** clientsRegrouped: each client's whole part leaves its old group for its new one. */
export async function moveClients(s: OrgScope, e: ClientsRegrouped): Promise<void> {
  const ids = e.changes.map((c) => c.clientId);
  const members = await repo.clientMembers(s.db, s.orgId, ids);
  const saleMonths = new Map(
    (await clientRollups(s.db, s.orgId, ids)).map((r) => [
      String(r.client_id),
      new Set(decodeMonths(r.sale_months)),
    ]),
  );
  const monthsOf = (id: string) => saleMonths.get(id) ?? new Set<number>();
  const out = new GroupDelta();
  for (const { clientId, before, after } of e.changes) {
    const own = members.filter((r) => String(r.client_id) === clientId);
    for (const part of clientPart(own, monthsOf)) {
      out.add(groupOf(part, before), part, -1);
      out.add(groupOf(part, after), part, 1);
    }
  }
  await repo.addGroups(s.db, s.orgId, out.rows());
}

/**
 * stagesMerged, after economics has rewritten the transactions' keys: the merged key's rows go,
 * the surviving key's are counted again from its transactions (a client paying in both stages
 * of a period is one paying client of the merged stage).
 */
export async function mergeStageMoney(s: OrgScope, e: StagesMerged): Promise<void> {
  await rebuild.clearStageMoney(s.db, s.orgId, [e.fromKey, e.intoKey]);
  await rebuild.fillMembers(s.db, s.orgId, e.intoKey);
  await rebuild.fillGroups(s.db, s.orgId, e.intoKey);
}

/**
 * Rebuilds the organisation's stage-money rollup from its transactions, set-based (a repair, and
 * how a bulk load that bypassed the API catches up). Run in a transaction.
 */
export async function rebuildStageMoney(s: OrgScope): Promise<void> {
  await rebuild.clearStageMoney(s.db, s.orgId);
  await rebuild.fillMembers(s.db, s.orgId);
  await rebuild.fillGroups(s.db, s.orgId);
  await rebuild.analyseGroups(s.db);
}
