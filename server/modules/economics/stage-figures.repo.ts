// SQL of the scorecard's transactional layer (issue 16): the transactions of each journey stage
// grouped per period of a window, in one scan each. Dates are YYYY-MM-DD, so the period
// boundaries are dates too. orgId first.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';

export interface StageFilter {
  /** Period boundaries, YYYY-MM-DD: period i is [bounds[i], bounds[i + 1]). */
  bounds: readonly string[];
  stage?: string;
  segment?: string;
  managerId?: string;
}

/** True when the clients are narrowed to a segment or a manager (clientsOf). */
function narrowed(q: StageFilter): boolean {
  return q.segment !== undefined || q.managerId !== undefined;
}

/** Per (stage, period, client): revenue (sales − refunds, minor units), sales and documents. */
export async function stageClientRevenue(db: DbOrTrx, orgId: string, q: StageFilter) {
  const bucket = periodBucket('t.date', q.bounds);
  let query = db
    .selectFrom('transactions as t')
    .select([
      't.stage',
      't.client_id',
      bucket.as('bucket'),
      sql<number>`sum(case when t.kind = 'sale' then t.amount_minor else -t.amount_minor end)`.as(
        'revenue',
      ),
      sql<number>`sum(case when t.kind = 'sale' then 1 else 0 end)`.as('sales'),
      (eb) => eb.fn.countAll<number>().as('documents'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.stage', 'is not', null)
    .where('t.date', '>=', q.bounds[0]!)
    .where('t.date', '<', q.bounds.at(-1)!)
    .groupBy(['t.stage', 't.client_id', BUCKET]);
  if (q.stage !== undefined) query = query.where('t.stage', '=', q.stage);
  if (narrowed(q)) query = query.where('t.client_id', 'in', clientsOf(db, orgId, q));
  const rows = await query.execute();
  return rows.map((r) => ({
    stage: r.stage!,
    clientId: String(r.client_id),
    bucket: Number(r.bucket),
    revenueMinor: Number(r.revenue),
    sales: Number(r.sales),
    documents: Number(r.documents),
  }));
}

/** Per (stage, period of the due date): the stage's sales due, and those paid by the due date. */
export async function stageDueSales(db: DbOrTrx, orgId: string, q: StageFilter) {
  const bucket = periodBucket('t.due_date', q.bounds);
  let query = db
    .selectFrom('transactions as t')
    .select([
      't.stage',
      bucket.as('bucket'),
      (eb) => eb.fn.countAll<number>().as('due'),
      sql<number>`sum(case when t.paid_at is not null and t.paid_at <= t.due_date then 1 else 0 end)`.as(
        'on_time',
      ),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.kind', '=', 'sale')
    .where('t.stage', 'is not', null)
    .where('t.due_date', '>=', q.bounds[0]!)
    .where('t.due_date', '<', q.bounds.at(-1)!)
    .groupBy(['t.stage', BUCKET]);
  if (q.stage !== undefined) query = query.where('t.stage', '=', q.stage);
  if (narrowed(q)) query = query.where('t.client_id', 'in', clientsOf(db, orgId, q));
  const rows = await query.execute();
  return rows.map((r) => ({
    stage: r.stage!,
    bucket: Number(r.bucket),
    due: Number(r.due),
    onTime: Number(r.on_time),
  }));
}

/** Clients with a sale of any stage per period (for retention: who bought again). */
export async function buyersByPeriod(db: DbOrTrx, orgId: string, bounds: readonly string[]) {
  const bucket = periodBucket('t.date', bounds);
  const rows = await db
    .selectFrom('transactions as t')
    .select(['t.client_id', bucket.as('bucket')])
    .distinct()
    .where('t.org_id', '=', orgId)
    .where('t.kind', '=', 'sale')
    .where('t.date', '>=', bounds[0]!)
    .where('t.date', '<', bounds.at(-1)!)
    .execute();
  return rows.map((r) => ({ clientId: String(r.client_id), bucket: Number(r.bucket) }));
}

function clientsOf(db: DbOrTrx, orgId: string, q: StageFilter) {
  let clients = db.selectFrom('clients as c').select('c.id').where('c.org_id', '=', orgId);
  if (q.segment !== undefined) clients = clients.where('c.segment', '=', q.segment);
  if (q.managerId !== undefined) clients = clients.where('c.manager_id', '=', q.managerId);
  return clients;
}

/** Per client: revenue (sales − refunds, minor units) and sales dated in [from, to) (dates). */
export async function clientRevenue(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('transactions as t')
    .select([
      't.client_id',
      sql<number>`sum(case when t.kind = 'sale' then t.amount_minor else -t.amount_minor end)`.as(
        'revenue',
      ),
      sql<number>`sum(case when t.kind = 'sale' then 1 else 0 end)`.as('sales'),
    ])
    .where('t.org_id', '=', orgId)
    .where('t.date', '>=', from)
    .where('t.date', '<', to)
    .groupBy('t.client_id')
    .execute();
  return rows.map((r) => ({
    clientId: String(r.client_id),
    revenueMinor: Number(r.revenue),
    sales: Number(r.sales),
  }));
}

/** (stage, client) pairs with a transaction of the stage dated in [from, to). */
export async function stageBuyers(db: DbOrTrx, orgId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('transactions as t')
    .select(['t.stage', 't.client_id'])
    .distinct()
    .where('t.org_id', '=', orgId)
    .where('t.stage', 'is not', null)
    .where('t.date', '>=', from)
    .where('t.date', '<', to)
    .execute();
  return rows.map((r) => ({ stage: r.stage!, clientId: String(r.client_id) }));
}

/** True when a transaction dated in [from, to) was written or changed after `since`. */
export async function transactionsChangedSince(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('transactions')
    .select('id')
    .where('org_id', '=', orgId)
    .where('date', '>=', from)
    .where('date', '<', to)
    .where('updated_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
