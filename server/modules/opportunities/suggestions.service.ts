// GET /clients/{id}/opportunities/suggested: products the client's peers (peer-group.ts) bought
// in the last 12 months and the client never bought, ranked by suggestions.ts.
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { fromMinorUnits } from '../../lib/money.ts';
import { assertCan } from '../../lib/permissions.ts';
import type { SuggestionsOut } from '../../../shared/api/opportunities.ts';
import { findClient } from '../clients/index.ts';
import { baseCurrencyOf, productsBoughtBy, productSpendIn } from '../economics/index.ts';
import { plannedProducts } from './opportunities.service.ts';
import { peersOf } from './peer-group.ts';
import { suggestProducts } from './suggestions.ts';

/** The 12 months before today (UTC dates): [today − 12 months, today + 1 day). */
export function last12Months(now: Date): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(
    Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate() + 1),
  );
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(from), to: day(to) };
}

export async function suggestedOpportunities(
  ctx: Ctx,
  clientId: string,
  limit = 10,
): Promise<SuggestionsOut> {
  assertCan(ctx.actor, 'data.read');
  const client = await findClient(ctx, clientId);
  if (!client) throw notFound('Client');
  const group = await peersOf(ctx, { id: client.id, segment: client.segment });
  const window = last12Months(ctx.clock.now());
  const spend = await productSpendIn(ctx, { ...window, clientIds: group.clientIds });
  const items = suggestProducts({
    peerIds: group.clientIds,
    spend,
    clientProducts: await productsBoughtBy(ctx, clientId),
    alreadyPlanned: await plannedProducts(ctx, clientId),
    limit,
  });
  const currency = await baseCurrencyOf(ctx);
  return {
    peerGroup: { kind: group.kind, label: group.label, size: group.clientIds.length },
    items: items.map((s) => ({
      product: s.product,
      peerShare: s.peerShare,
      peersBuying: s.peersBuying,
      peers: s.peers,
      estimatedValue: fromMinorUnits(s.estimatedMinor),
      currency,
    })),
  };
}
