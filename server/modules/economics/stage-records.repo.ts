// SQL of the scorecard's drill-down into the transactional layer (issue 16): the documents and
// clients one cell of stage-figures.repo.ts counts, under the same conditions — a stage's sales
// and refunds dated in [from, to), its sales due in [from, to), its paying clients and which of
// them bought again — narrowed to a segment's or a manager's clients. Dates are YYYY-MM-DD.
import { sql } from 'kysely';
import type { DbOrTrx, TransactionsTable } from '../../db/types.ts';
import { before } from '../../db/keyset.ts';
import type { CountedRows, KeyPageQuery } from '../../lib/paging.ts';

export interface StageDocumentFilter {
  stage: string;
  /** [from, to) of dates; on the document date, or the due date for `due`. */
  from: string;
  to: string;
  segment?: string;
  managerId?: string;
  /** The stage's sales due in the period (on-time share) instead of its documents dated in it. */
  due?: boolean;
}

function documentsOf(db: DbOrTrx, orgId: string, q: StageDocumentFilter) {
  const column = q.due ? 't.due_date' : 't.date';
  let query = db
    .selectFrom('transactions as t')
    .where('t.org_id', '=', orgId)
    .where('t.stage', '=', q.stage)
    .where(column, '>=', q.from)
    .where(column, '<', q.to);
  if (q.due) query = query.where('t.kind', '=', 'sale');
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('t.client_id', 'in', clientsOf(db, orgId, q));
  return query;
}

export async function listStageDocuments(
  db: DbOrTrx,
  orgId: string,
  q: StageDocumentFilter & KeyPageQuery,
): Promise<CountedRows<TransactionsTable>> {
  const column = q.due ? 't.due_date' : 't.date';
  let page = documentsOf(db, orgId, q).selectAll('t');
  if (q.before) page = page.where(before(column, q.before, 't.id'));
  const [rows, count] = await Promise.all([
    page
      .orderBy(column, 'desc')
      .orderBy('t.id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    documentsOf(db, orgId, q)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows };
}

/** The clients with a sale of the stage dated in [from, to), with their first such sale. */
export async function stagePayingClients(
  db: DbOrTrx,
  orgId: string,
  q: Omit<StageDocumentFilter, 'due'>,
): Promise<Array<{ clientId: string; firstSale: string }>> {
  const rows = await documentsOf(db, orgId, q)
    .where('t.kind', '=', 'sale')
    .select(['t.client_id', (eb) => eb.fn.min('t.date').as('first_sale')])
    .groupBy('t.client_id')
    .execute();
  return rows.map((r) => ({ clientId: String(r.client_id), firstSale: String(r.first_sale) }));
}

/** Which of `clientIds` have a sale of any stage dated in [from, to). */
export async function buyersAmong(
  db: DbOrTrx,
  orgId: string,
  clientIds: readonly string[],
  window: { from: string; to: string },
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const rows = await db
      .selectFrom('transactions as t')
      .select('t.client_id')
      .distinct()
      .where('t.org_id', '=', orgId)
      .where('t.kind', '=', 'sale')
      .where('t.date', '>=', window.from)
      .where('t.date', '<', window.to)
      .where('t.client_id', 'in', clientIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(String(r.client_id));
  }
  return out;
}

function clientsOf(db: DbOrTrx, orgId: string, q: { segment?: string; managerId?: string }) {
  let clients = db.selectFrom('clients as c').select('c.id').where('c.org_id', '=', orgId);
  if (q.segment !== undefined) clients = clients.where('c.segment', '=', q.segment);
  if (q.managerId !== undefined) clients = clients.where('c.manager_id', '=', q.managerId);
  return clients;
}
