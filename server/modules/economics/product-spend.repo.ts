// SQL of the per-product spend the opportunities module suggests from (issue 17): what each
// client paid per product in a window, sales less refunds. orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

/** Per (client, product) the net spend (minor units, base currency) of transactions dated in [from, to). */
export async function productSpend(
  db: DbOrTrx,
  orgId: string,
  q: { from: string; to: string; clientIds?: readonly string[] },
) {
  if (q.clientIds && q.clientIds.length === 0) return [];
  let query = db
    .selectFrom('transactions as t')
    .select([
      't.client_id',
      't.product',
      sql<number>`sum(case when t.kind = 'sale' then t.amount_minor else -t.amount_minor end)`.as(
        'spend',
      ),
      sql<number>`sum(case when t.kind = 'sale' then 1 else 0 end)`.as('sales'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.product', 'is not', null)
    .where('t.date', '>=', q.from)
    .where('t.date', '<', q.to);
  if (q.clientIds) query = query.where('t.client_id', 'in', [...q.clientIds]);
  const rows = await query.groupBy(['t.client_id', 't.product']).execute();
  return rows.map((r) => ({
    clientId: String(r.client_id),
    product: String(r.product),
    spendMinor: Number(r.spend),
    sales: Number(r.sales),
  }));
}

/** Every product a client ever bought (a sale of any date). */
export async function productsEverBought(db: DbOrTrx, orgId: string, clientId: string) {
  const rows = await db
    .selectFrom('transactions')
    .select('product')
    .distinct()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .where('kind', '=', 'sale')
    .where('product', 'is not', null)
    .execute();
  return rows.map((r) => String(r.product));
}
