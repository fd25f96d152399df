// SQL of the economics rollups (migration 0014, ADR 011): increments of month and due cells,
// the per-client month sets, and the reads the figures need.
import { sql } from 'kysely';
import { selectByKeys } from '../../db/select-by-keys.ts';
import type { DbOrTrx, EconomicsClientsTable } from '../../db/types.ts';
import type { DueSums, MonthSums } from './rollup-deltas.ts';

const MONTH_SUMS = ['sales', 'sales_minor', 'refunds_minor', 'cost_minor', 'costed_minor'] as const;
const DUE_SUMS = ['sales', 'on_time', 'late_due_days', 'late_paid_days'] as const;

/** Adds the sums to the organisation's month rows (created at 0 when missing). */
export async function addMonthSums(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (MonthSums & { month: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('economics_org_months')
    .values(rows.map((r) => ({ org_id: orgId, ...r })))
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'month'])
        .doUpdateSet(
          Object.fromEntries(
            MONTH_SUMS.map((c) => [
              c,
              sql`economics_org_months.${sql.ref(c)} + excluded.${sql.ref(c)}`,
            ]),
          ),
        ),
    )
    .execute();
}

export async function addDueSums(
  db: DbOrTrx,
  orgId: string,
  rows: readonly (DueSums & { due_month: number; paid_month: number })[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('economics_due_months')
    .values(rows.map((r) => ({ org_id: orgId, ...r })))
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'due_month', 'paid_month'])
        .doUpdateSet(
          Object.fromEntries(
            DUE_SUMS.map((c) => [
              c,
              sql`economics_due_months.${sql.ref(c)} + excluded.${sql.ref(c)}`,
            ]),
          ),
        ),
    )
    .execute();
}

export async function clientRollups(
  db: DbOrTrx,
  orgId: string,
  clientIds: readonly string[],
): Promise<EconomicsClientsTable[]> {
  return selectByKeys(
    db,
    'client_id',
    clientIds,
    (keys) =>
      db.selectFrom('economics_clients').selectAll().where('org_id', '=', orgId).where(keys),
    'uuid',
  );
}

/**
 * Moves the organisation's client-sets version on by one and returns the new number. The row
 * stays locked to the end of the transaction, so a writer that calls this before reading the
 * sets reads what the previous writer committed (PostgreSQL; SQLite has one writer anyway).
 */
export async function nextClientSetsVersion(db: DbOrTrx, orgId: string): Promise<number> {
  const row = await db
    .insertInto('economics_versions')
    .values({ org_id: orgId, client_sets: 1 })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        client_sets: sql`economics_versions.client_sets + 1`,
      }),
    )
    .returning('client_sets')
    .executeTakeFirstOrThrow();
  return Number(row.client_sets);
}

/** Writes client sets, each stamped with the version from nextClientSetsVersion. */
export async function saveClientRollups(
  db: DbOrTrx,
  rows: readonly Omit<EconomicsClientsTable, 'version'>[],
  version: number,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('economics_clients')
    .values(rows.map((r) => ({ ...r, version })))
    .onConflict((oc) =>
      oc.columns(['org_id', 'client_id']).doUpdateSet({
        sale_months: sql`excluded.sale_months`,
        feedback_months: sql`excluded.feedback_months`,
        version: sql`excluded.version`,
      }),
    )
    .execute();
}

/** Which of the (client, [from, to)) month ranges still hold a sale. */
export async function salesInRanges(
  db: DbOrTrx,
  orgId: string,
  ranges: readonly { clientId: string; from: string; to: string }[],
): Promise<{ client_id: string; date: string }[]> {
  if (ranges.length === 0) return [];
  return db
    .selectFrom('transactions')
    .select(['client_id', 'date'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'sale')
    .where((eb) =>
      eb.or(
        ranges.map((r) =>
          eb.and([
            eb('client_id', '=', r.clientId),
            eb('date', '>=', r.from),
            eb('date', '<', r.to),
          ]),
        ),
      ),
    )
    .execute();
}

export async function orgMonths(db: DbOrTrx, orgId: string, from: number, to: number) {
  return db
    .selectFrom('economics_org_months')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('month', '>=', from)
    .where('month', '<', to)
    .execute();
}

export async function dueMonths(db: DbOrTrx, orgId: string, from: number, to: number) {
  return db
    .selectFrom('economics_due_months')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('due_month', '>=', from)
    .where('due_month', '<', to)
    .execute();
}

/**
 * The month sets of the organisation's clients changed after version `after` (all of them when
 * `after` is −1), through the index on (org_id, version).
 */
export async function clientRollupsAfter(db: DbOrTrx, orgId: string, after: number) {
  return db
    .selectFrom('economics_clients')
    .select(['client_id', 'sale_months', 'feedback_months'])
    .where('org_id', '=', orgId)
    .where('version', '>', after)
    .execute();
}

/** Empties the organisation's rollups (before a rebuild). */
export async function clearRollups(db: DbOrTrx, orgId: string): Promise<void> {
  for (const table of ['economics_org_months', 'economics_due_months'] as const)
    await db.deleteFrom(table).where('org_id', '=', orgId).execute();
  const version = await nextClientSetsVersion(db, orgId);
  await db
    .updateTable('economics_clients')
    .set({ sale_months: '', version })
    .where('org_id', '=', orgId)
    .execute();
}

/** Every transaction of the organisation, for a rebuild: the columns the rollups read. */
export async function allTransactions(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('transactions')
    .select(['client_id', 'kind', 'date', 'amount_minor', 'cost_minor', 'due_date', 'paid_at'])
    .where('org_id', '=', orgId)
    .execute();
}

/** The number of changes of the organisation's client sets so far (0 when never changed). */
export async function clientSetsVersion(db: DbOrTrx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('economics_versions')
    .select('client_sets')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.client_sets ?? 0);
}
