// Keeps the stage-money rollup (ADR 014) exact in the transaction that changes transactions, a
// client's group or a stage key: member and buy rows by increments (their sales after the change
// come back from the upsert, so a flip of "paying" or "bought" is known without a read), then the
// group rows by the parts that moved. No role checks: callers are economics' use-cases and the
// hooks of clients and stages, which have checked.
import type { OrgScope } from '../../context.ts';
import { clientGroupsOf, type ClientsRegrouped } from '../clients/index.ts';
import type { StagesMerged } from '../stages/index.ts';
import {
  buyKey,
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

type Flip = { old: number; now: number };
const on = (n: number) => (n > 0 ? 1 : 0);

/** Applies inserts (after only), updates (both) and deletes (before only) to the rollup. */
export async function applyStageChanges(
  s: OrgScope,
  changes: readonly StageTxChange[],
): Promise<void> {
  const delta = new StageDelta();
  for (const { before, after } of changes) {
    if (before) delta.add(before, -1);
    if (after) delta.add(after, 1);
  }
  const { members, buys } = delta.changed();
  if (members.length === 0 && buys.length === 0) return;
  // Sales before and after of every touched member and buy row.
  const memberSales = new Map<string, Flip>();
  for (const r of await repo.addMembers(s.db, s.orgId, members)) {
    const key = memberKey(r);
    memberSales.set(key, { old: r.sales - delta.members.get(key)!.sales, now: r.sales });
  }
  const buySales = new Map<string, Flip>();
  for (const r of await repo.addBuys(s.db, s.orgId, buys)) {
    const key = buyKey(r);
    buySales.set(key, { old: r.sales - delta.buys.get(key)!.sales, now: r.sales });
  }
  // Retention of (client, stage, P) = paying in P × bought in P + 1: it may move where paying
  // flipped, and for every stage of P − 1 where "bought in P" flipped.
  const cells = new Map<string, MemberKey & { sales: Flip }>();
  for (const m of members) {
    const sales = memberSales.get(memberKey(m))!;
    if (on(sales.old) !== on(sales.now)) cells.set(memberKey(m), { ...m, sales });
  }
  const flipped = buys.filter((b) => {
    const f = buySales.get(buyKey(b))!;
    return on(f.old) !== on(f.now);
  });
  const before = flipped.map((b) => ({ ...b, period: b.period - 1 }));
  for (const r of await repo.membersAt(s.db, s.orgId, before)) {
    const key = memberKey(r);
    const now = Number(r.sales);
    const m = { client_id: String(r.client_id), span: r.span, period: r.period, stage: r.stage };
    cells.set(key, { ...m, sales: memberSales.get(key) ?? { old: now, now } });
  }
  const nextOf = (c: BuyKey): BuyKey => ({ ...c, period: c.period + 1 });
  const unread = [...cells.values()].map(nextOf).filter((b) => !buySales.has(buyKey(b)));
  const stored = new Map(
    (await repo.buysAt(s.db, s.orgId, unread)).map((b) => [buyKey(b), Number(b.sales)]),
  );
  const clients = [...members, ...cells.values()].map((m) => m.client_id);
  const groups = await clientGroupsOf(s, [...new Set(clients)]);
  const out = new GroupDelta();
  for (const m of members) out.add(groupOf(m, groups.get(m.client_id)), m);
  for (const c of cells.values()) {
    const b = buySales.get(buyKey(nextOf(c))) ?? {
      old: stored.get(buyKey(nextOf(c))) ?? 0,
      now: stored.get(buyKey(nextOf(c))) ?? 0,
    };
    out.add(groupOf(c, groups.get(c.client_id)), {
      paying: on(c.sales.now) - on(c.sales.old),
      retained: on(c.sales.now) * on(b.now) - on(c.sales.old) * on(b.old),
    });
  }
  await repo.addGroups(s.db, s.orgId, out.rows());
}

/** clientsRegrouped: each client's whole part leaves its old group for its new one. */
export async function moveClients(s: OrgScope, e: ClientsRegrouped): Promise<void> {
  const ids = e.changes.map((c) => c.clientId);
  const { members, buys } = await repo.clientRows(s.db, s.orgId, ids);
  const out = new GroupDelta();
  for (const { clientId, before, after } of e.changes) {
    const own = <T extends { client_id: string }>(rows: T[]) =>
      rows.filter((r) => String(r.client_id) === clientId);
    for (const part of clientPart(own(members), own(buys))) {
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
  await rebuild.fillBuys(s.db, s.orgId);
  await rebuild.fillGroups(s.db, s.orgId);
  await rebuild.analyseGroups(s.db);
}
