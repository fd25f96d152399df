// The only file of the arbiter module with SQL: suggestion rules and stored reports. orgId first.
import type { ArbiterReportsTable, ArbiterRulesTable, DbOrTrx } from '../../db/types.ts';

export async function listRules(db: DbOrTrx, orgId: string): Promise<ArbiterRulesTable[]> {
  return db
    .selectFrom('arbiter_rules')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('position')
    .execute();
}

/** Replaces the organisation's rules with `rows` (in one transaction: the caller's). */
export async function replaceRules(
  db: DbOrTrx,
  orgId: string,
  rows: readonly ArbiterRulesTable[],
): Promise<void> {
  await db.deleteFrom('arbiter_rules').where('org_id', '=', orgId).execute();
  if (rows.length)
    await db
      .insertInto('arbiter_rules')
      .values([...rows])
      .execute();
}

export async function findReport(
  db: DbOrTrx,
  orgId: string,
  from: string,
  to: string,
): Promise<ArbiterReportsTable | undefined> {
  return db
    .selectFrom('arbiter_reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('window_from', '=', from)
    .where('window_to', '=', to)
    .executeTakeFirst();
}

export async function saveReport(db: DbOrTrx, row: ArbiterReportsTable): Promise<void> {
  await db
    .insertInto('arbiter_reports')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'window_from', 'window_to']).doUpdateSet({
        computed_at: row.computed_at,
        body: row.body,
      }),
    )
    .execute();
}
