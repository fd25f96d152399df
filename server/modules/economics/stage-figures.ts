// The transactional layer of the scorecard (issue 16; docs/scorecard.md): per journey stage and
// period, the stage's transactions (those tagged with its key) — revenue, paying clients, ARPPU,
// on-time share of its sales due in the period — and retention: the share of the period's paying
// clients who buy again (any stage) in the next period, once that period has ended.
import type { Ctx, OrgScope } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import * as repo from './stage-figures.repo.ts';

export interface StageMoney {
  revenueMinor: number;
  /** Sales and refunds of the stage dated in the period: what revenue and ARPPU stand on. */
  documents: number;
  payingClients: number;
  /** Sales of the stage due in the period, and those paid by their due date. */
  due: number;
  onTime: number;
  /** Of the paying clients, those with a sale in the next period; null until it has ended. */
  retained: number | null;
}

const empty = (): StageMoney => ({
  revenueMinor: 0,
  documents: 0,
  payingClients: 0,
  due: 0,
  onTime: 0,
  retained: null,
});

/**
 * Per stage key, one entry per period (oldest first). `bounds` are the periods' first days and
 * the day after the last; `next` is the day after the period that follows the window; `today`
 * (YYYY-MM-DD, the organisation's) decides which next periods have ended.
 */
export async function stageEconomics(
  ctx: Ctx,
  q: repo.StageFilter & { next: string; today: string },
): Promise<Map<string, StageMoney[]>> {
  assertCan(ctx.actor, 'data.read');
  const periods = q.bounds.length - 1;
  const later = [...q.bounds.slice(1), q.next];
  const [revenue, due, buyers] = await Promise.all([
    repo.stageClientRevenue(ctx.db, ctx.orgId, q),
    repo.stageDueSales(ctx.db, ctx.orgId, q),
    repo.buyersByPeriod(ctx.db, ctx.orgId, later),
  ]);
  const out = new Map<string, StageMoney[]>();
  const cell = (stage: string, i: number) => {
    let cells = out.get(stage);
    if (!cells) out.set(stage, (cells = Array.from({ length: periods }, empty)));
    return cells[i]!;
  };
  // Who bought in period i + 1 (bucket i of `later`).
  const boughtNext = new Set(buyers.map((b) => `${b.bucket}|${b.clientId}`));
  const ended = (i: number) => later[i + 1]! <= q.today;
  for (const r of revenue) {
    const c = cell(r.stage, r.bucket);
    c.revenueMinor += r.revenueMinor;
    c.documents += r.documents;
    if (r.sales > 0) {
      c.payingClients += 1;
      if (ended(r.bucket))
        c.retained = (c.retained ?? 0) + (boughtNext.has(`${r.bucket}|${r.clientId}`) ? 1 : 0);
    }
  }
  for (const r of due) Object.assign(cell(r.stage, r.bucket), { due: r.due, onTime: r.onTime });
  return out;
}

/** Per client, revenue and sales dated in [from, to) (dates) — the arbiter's ARPPU per client. */
export async function clientRevenueIn(s: OrgScope, from: string, to: string) {
  const rows = await repo.clientRevenue(s.db, s.orgId, from, to);
  return new Map(rows.map((r) => [r.clientId, r]));
}

/** (stage, client) pairs with a transaction of the stage dated in [from, to). */
export const stageBuyersIn = (s: OrgScope, from: string, to: string) =>
  repo.stageBuyers(s.db, s.orgId, from, to);

/** Whether a transaction dated in [from, to) was written or changed after `since` (an instant). */
export const transactionsChangedIn = (s: OrgScope, from: string, to: string, since: string) =>
  repo.transactionsChangedSince(s.db, s.orgId, from, to, since);
