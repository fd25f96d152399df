// The clients worth growing, until the portfolio matrix exists (issue 17): those with a strategic
// fit ≥ 67 (the "high" third of the 0–100 field) or in the top third of the organisation's
// clients by revenue of the last 12 months. Care reminds about their decision makers.
import type { OrgScope } from '../../context.ts';
import { clientEconomicsFieldsWhere } from '../clients/index.ts';
import { clientRevenueIn } from '../economics/index.ts';
import { last12Months } from './suggestions.service.ts';

export const HIGH_STRATEGIC_FIT = 67;

/**
 * Pure: of `clients` (all of the organisation's), those with fit ≥ 67, plus the ⌈n/3⌉ with the
 * highest positive revenue (ties at the boundary all in; no revenue is never "top").
 */
export function selectTopClients(
  clients: ReadonlyMap<string, { strategicFit: number | null }>,
  revenueMinor: ReadonlyMap<string, number>,
): Set<string> {
  const out = new Set<string>();
  for (const [id, f] of clients) if ((f.strategicFit ?? -1) >= HIGH_STRATEGIC_FIT) out.add(id);
  const k = Math.ceil(clients.size / 3);
  const ranked = [...clients.keys()]
    .map((id) => ({ id, revenue: revenueMinor.get(id) ?? 0 }))
    .filter((c) => c.revenue > 0)
    .sort((a, b) => b.revenue - a.revenue);
  const boundary = ranked[Math.min(k, ranked.length) - 1]?.revenue;
  if (k > 0 && boundary !== undefined)
    for (const c of ranked) if (c.revenue >= boundary) out.add(c.id);
  return out;
}

export async function topClients(s: OrgScope & { now: Date }): Promise<Set<string>> {
  const fields = await clientEconomicsFieldsWhere(s, {});
  const w = last12Months(s.now);
  const revenue = await clientRevenueIn(s, w.from, w.to);
  return selectTopClients(fields, new Map([...revenue].map(([id, r]) => [id, r.revenueMinor])));
}
