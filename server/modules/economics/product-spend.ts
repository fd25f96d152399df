// What clients buy per product (issue 17): read by the opportunities module's suggestions.
// Products are the transactions' free-text `product` field, compared as written.
import type { OrgScope } from '../../context.ts';
import * as repo from './product-spend.repo.ts';

export interface ProductSpend {
  clientId: string;
  product: string;
  /** Net of refunds, minor units of the base currency. */
  spendMinor: number;
  sales: number;
}

/** Per (client, product), transactions dated in [from, to) (YYYY-MM-DD); only `clientIds` when given. */
export const productSpendIn = (
  s: OrgScope,
  q: { from: string; to: string; clientIds?: readonly string[] },
): Promise<ProductSpend[]> => repo.productSpend(s.db, s.orgId, q);

/** The products a client has ever bought. */
export const productsBoughtBy = (s: OrgScope, clientId: string): Promise<string[]> =>
  repo.productsEverBought(s.db, s.orgId, clientId);
