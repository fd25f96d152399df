// Every initiative of an organisation with its figures: links, reach, revenue at stake over the
// last 12 months (economics), value (given or computed across all of them), quadrant, on-time
// flag and rank. Values are scaled across the organisation's initiatives, so one read computes
// them all (an organisation keeps at most repo.MAX_INITIATIVES).
import type { Ctx } from '../../context.ts';
import type { InitiativesTable } from '../../db/types.ts';
import type { Quadrant } from '../../../shared/domain/vocabulary.ts';
import { clientRevenueIn } from '../economics/index.ts';
import { findFeedbackRecords } from '../feedback/index.ts';
import { orgTimeZone } from '../orgs/index.ts';
import * as repo from './backlog.repo.ts';
import { computeValues, localDay, onTimeOf, quadrantOf, rankOrder } from './figures.ts';

export interface InitiativeView extends InitiativesTable {
  feedbackIds: string[];
  clientIds: string[];
  caseIds: string[];
  reach: number;
  /** Minor units, ≥ 0. */
  revenueMinor: number;
  effectiveValue: number | null;
  quadrant: Quadrant | null;
  onTime: boolean | null;
  rank: number;
}

/** [from, to) of the 12 months up to today in the organisation's zone (YYYY-MM-DD). */
export function last12Months(now: Date, timeZone: string): { from: string; to: string } {
  const today = localDay(now, timeZone);
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const to = next.toISOString().slice(0, 10);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return { from, to: to };
}

export async function allViews(ctx: Ctx): Promise<{ views: InitiativeView[]; timeZone: string }> {
  const rows = await repo.listInitiatives(ctx.db, ctx.orgId);
  const timeZone = await orgTimeZone(ctx);
  if (rows.length === 0) return { views: [], timeZone };
  const [feedbackLinks, clientLinks, caseLinks] = await Promise.all([
    repo.links(ctx.db, ctx.orgId, 'initiative_feedback'),
    repo.links(ctx.db, ctx.orgId, 'initiative_clients'),
    repo.links(ctx.db, ctx.orgId, 'initiative_cases'),
  ]);
  const records = await findFeedbackRecords(ctx, [...feedbackLinks.values()].flat());
  const clientOfRecord = new Map(records.map((r) => [r.id, r.client_id]));
  const window = last12Months(ctx.clock.now(), timeZone);
  const revenue = await clientRevenueIn(ctx, window.from, window.to);
  const partial = rows.map((row) => {
    const feedbackIds = feedbackLinks.get(row.id) ?? [];
    const clientIds = clientLinks.get(row.id) ?? [];
    const reached = new Set<string>(clientIds);
    for (const f of feedbackIds) {
      const c = clientOfRecord.get(f);
      if (c) reached.add(c);
    }
    let revenueMinor = 0;
    for (const c of reached) revenueMinor += Math.max(0, revenue.get(c)?.revenueMinor ?? 0);
    return {
      ...row,
      feedbackIds,
      clientIds,
      caseIds: caseLinks.get(row.id) ?? [],
      reach: reached.size,
      revenueMinor,
    };
  });
  const values = computeValues(
    partial.map((p) => ({
      id: p.id,
      manualValue: p.value,
      reach: p.reach,
      revenueMinor: p.revenueMinor,
    })),
  );
  const scored = partial.map((p) => {
    const effectiveValue = values.get(p.id) ?? null;
    return {
      ...p,
      effectiveValue,
      quadrant: quadrantOf(effectiveValue, p.effort),
      onTime: onTimeOf(p.status, p.done_at, p.due_date, timeZone),
    };
  });
  const order = rankOrder(
    scored.map((s) => ({
      id: s.id,
      status: s.status,
      value: s.effectiveValue,
      effort: s.effort,
      dueDate: s.due_date,
      createdAt: s.created_at,
    })),
  );
  const byId = new Map(scored.map((s) => [s.id, s]));
  const views = order.map((o, i) => ({ ...byId.get(o.id)!, rank: i + 1 }));
  return { views, timeZone };
}
