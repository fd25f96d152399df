// The only SQL of the reports module: who gets the monthly report. orgId first.
import type { DbOrTrx } from '../../db/types.ts';

export async function listRecipientIds(db: DbOrTrx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('report_recipients')
    .select('user_id')
    .where('org_id', '=', orgId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function replaceRecipients(
  db: DbOrTrx,
  orgId: string,
  userIds: readonly string[],
  at: string,
): Promise<void> {
  await db.deleteFrom('report_recipients').where('org_id', '=', orgId).execute();
  if (userIds.length)
    await db
      .insertInto('report_recipients')
      .values(userIds.map((user_id) => ({ org_id: orgId, user_id, created_at: at })))
      .execute();
}

/** Organisations with at least one recipient (the monthly job visits only those). */
export async function orgsWithRecipients(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom('report_recipients').select('org_id').distinct().execute();
  return rows.map((r) => r.org_id);
}
