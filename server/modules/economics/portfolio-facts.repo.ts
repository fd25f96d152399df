// SQL of the money facts the portfolio scores use (issue 17), one grouped scan of the
// organisation's transactions dated on or before `asOf`. Windows as in client-figures.ts: the last
// 12 months are (y1, asOf], the 12 before them (y2, y1]; dates are YYYY-MM-DD text. orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';

export interface MoneyWindow {
  asOf: string;
  /** asOf − 12 months and asOf − 24 months. */
  y1: string;
  y2: string;
}

export async function clientMoney(db: DbOrTrx, orgId: string, w: MoneyWindow) {
  const signed = (col: 't.amount_minor' | 't.cost_minor') =>
    sql`(case when t.kind = 'sale' then 1 else -1 end) * coalesce(${sql.ref(col)}, 0)`;
  const last12 = sql`t.date > ${w.y1}`;
  const dueIn = sql`t.kind = 'sale' and t.due_date > ${w.y1} and t.due_date <= ${w.asOf}`;
  const rows = await db
    .selectFrom('transactions as t')
    .select([
      't.client_id',
      sql<number>`sum(case when ${last12} then ${signed('t.amount_minor')} else 0 end)`.as('rev12'),
      sql<number>`sum(case when ${last12} then ${signed('t.cost_minor')} else 0 end)`.as('cost12'),
      sql<number>`sum(case when t.date > ${w.y2} and t.date <= ${w.y1} then ${signed('t.amount_minor')} else 0 end)`.as(
        'prev12',
      ),
      sql<number>`sum(case when ${dueIn} then 1 else 0 end)`.as('due'),
      sql<number>`sum(case when ${dueIn} and t.paid_at is not null and t.paid_at <= t.due_date and t.paid_at <= ${w.asOf} then 1 else 0 end)`.as(
        'on_time',
      ),
      sql<string | null>`min(case when t.kind = 'sale' then t.date end)`.as('first_sale'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.date', '<=', w.asOf)
    .groupBy('t.client_id')
    .execute();
  return rows.map((r) => ({
    clientId: String(r.client_id),
    revenue12Minor: Number(r.rev12),
    cost12Minor: Number(r.cost12),
    revenuePrev12Minor: Number(r.prev12),
    due: Number(r.due),
    onTime: Number(r.on_time),
    firstSale: r.first_sale ?? null,
  }));
}
