// The only file of the opportunities module with SQL. orgId first, always.
import type { DbOrTrx, OpportunitiesTable } from '../../db/types.ts';

export async function insertOpportunity(db: DbOrTrx, row: OpportunitiesTable): Promise<void> {
  await db.insertInto('opportunities').values(row).execute();
}

export async function findOpportunity(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<OpportunitiesTable | undefined> {
  return db
    .selectFrom('opportunities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Open ones first (idea, offered), then by due date (none last), newest first. */
export async function listOpportunitiesOf(db: DbOrTrx, orgId: string, clientId: string) {
  const rows = await db
    .selectFrom('opportunities')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const open = (s: string) => (s === 'idea' || s === 'offered' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      open(a.sales_stage) - open(b.sales_stage) ||
      (a.due_date ?? '9999').localeCompare(b.due_date ?? '9999'),
  );
}

export async function updateOpportunity(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<Omit<OpportunitiesTable, 'id' | 'org_id' | 'client_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('opportunities')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteOpportunity(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  await db
    .deleteFrom('opportunity_transactions')
    .where('org_id', '=', orgId)
    .where('opportunity_id', '=', id)
    .execute();
  const r = await db
    .deleteFrom('opportunities')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Transaction ids per opportunity, for the given opportunities. */
export async function linkedTransactions(
  db: DbOrTrx,
  orgId: string,
  opportunityIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (opportunityIds.length === 0) return out;
  const rows = await db
    .selectFrom('opportunity_transactions')
    .select(['opportunity_id', 'transaction_id'])
    .where('org_id', '=', orgId)
    .where('opportunity_id', 'in', [...opportunityIds])
    .orderBy('transaction_id')
    .execute();
  for (const r of rows)
    out.set(r.opportunity_id, [...(out.get(r.opportunity_id) ?? []), r.transaction_id]);
  return out;
}

/** Replaces the transactions linked to an opportunity. */
export async function setLinkedTransactions(
  db: DbOrTrx,
  orgId: string,
  opportunityId: string,
  transactionIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('opportunity_transactions')
    .where('org_id', '=', orgId)
    .where('opportunity_id', '=', opportunityId)
    .execute();
  if (transactionIds.length === 0) return;
  await db
    .insertInto('opportunity_transactions')
    .values(
      transactionIds.map((transaction_id) => ({
        org_id: orgId,
        opportunity_id: opportunityId,
        transaction_id,
      })),
    )
    .execute();
}
