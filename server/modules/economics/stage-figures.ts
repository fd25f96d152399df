// The transactional layer of the scorecard (issue 16; docs/scorecard.md): per journey stage and
// period, the stage's transactions (those tagged with its key) — revenue, paying clients, ARPPU,
// on-time share of its sales due in the period — and retention: the share of the period's paying
// clients who buy again (any stage) in the next period, once that period has ended.
import type { Ctx, OrgScope } from '../../context.ts';
import { assertCan } from '../../lib/permissions.ts';
import { periodIndex, periodStart } from './periods.ts';
import * as repo from './stage-figures.repo.ts';
import * as rollup from './stage-rollup.repo.ts';

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

type StageQuery = repo.StageFilter & { next: string; today: string };

/**
 * Per stage key, one entry per period (oldest first). `bounds` are the periods' first days and
 * the day after the last; `next` is the day after the period that follows the window; `today`
 * (YYYY-MM-DD, the organisation's) decides which next periods have ended. Whole calendar months
 * or quarters (the scorecard's) are read from the rollup (ADR 014), other bounds from the rows.
 */
export async function stageEconomics(ctx: Ctx, q: StageQuery): Promise<Map<string, StageMoney[]>> {
  assertCan(ctx.actor, 'data.read');
  const w = rollupWindow(q);
  if (!w) return scanStageEconomics(ctx, q);
  const rows = await rollup.groupSums(ctx.db, ctx.orgId, {
    ...w,
    stage: q.stage,
    segment: q.segment,
    manager: q.managerId,
  });
  const out = new Map<string, StageMoney[]>();
  for (const r of rows) {
    // A stage shows when a document of it is dated, or a sale of it due, in the window.
    if (r.documents === 0 && r.due === 0) continue;
    const i = r.period - w.from;
    const c = cellOf(out, r.stage, i, q.bounds.length - 1);
    Object.assign(c, {
      revenueMinor: r.revenue_minor,
      documents: r.documents,
      payingClients: r.paying,
      due: r.due,
      onTime: r.on_time,
      retained: r.paying > 0 && ended(q, i) ? r.retained : null,
    });
  }
  return out;
}

/** The rollup's span and period indexes for bounds of whole calendar months or quarters. */
function rollupWindow(q: StageQuery) {
  if (q.segment === '' || (q.managerId !== undefined && q.managerId !== q.managerId.toLowerCase()))
    return undefined; // matched as the rows match them only (no '' group, uuid case on PostgreSQL)
  const months = [...q.bounds, q.next].map((d) =>
    periodStart(periodIndex(d, 'month'), 'month') === d ? periodIndex(d, 'month') : NaN,
  );
  const span = months[1]! - months[0]!;
  if (span !== 1 && span !== 3) return undefined;
  if (months.some((m, i) => i > 0 && m - months[i - 1]! !== span)) return undefined;
  if (span === 3 && months[0]! % 3 !== 0) return undefined;
  const from = months[0]! / span;
  return { span, from, to: from + q.bounds.length - 1 };
}

/** Whether the period after period i has ended by `today`. */
function ended(q: StageQuery, i: number): boolean {
  const later = [...q.bounds.slice(1), q.next];
  return later[i + 1]! <= q.today;
}

function cellOf(out: Map<string, StageMoney[]>, stage: string, i: number, periods: number) {
  let cells = out.get(stage);
  if (!cells) out.set(stage, (cells = Array.from({ length: periods }, empty)));
  return cells[i]!;
}

/** The same figures from the transactions themselves (other bounds; the rollup's reference). */
export async function scanStageEconomics(
  ctx: Ctx,
  q: StageQuery,
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
  const cell = (stage: string, i: number) => cellOf(out, stage, i, periods);
  // Who bought in period i + 1 (bucket i of `later`).
  const boughtNext = new Set(buyers.map((b) => `${b.bucket}|${b.clientId}`));
  for (const r of revenue) {
    const c = cell(r.stage, r.bucket);
    c.revenueMinor += r.revenueMinor;
    c.documents += r.documents;
    if (r.sales > 0) {
      c.payingClients += 1;
      if (ended(q, r.bucket))
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
