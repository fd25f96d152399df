// Reads of the "Today" page (issue 21) that no other module offers: negative records without a
// case, and a person's snoozed items. orgId first, always.
import type { DbOrTrx, ReminderSnoozesTable } from '../../db/types.ts';

/** Records with no case: detractor scores (NPS 0–6, CSAT 1–2, as the care inbox counts) or a negative text. */
export async function negativeWithoutCase(
  db: DbOrTrx,
  orgId: string,
  sinceIso: string,
  limit: number,
) {
  return db
    .selectFrom('feedback as f')
    .leftJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'f.client_id').onRef('cl.org_id', '=', 'f.org_id'),
    )
    .select([
      'f.id',
      'f.public_ref',
      'f.client_id',
      'cl.name as client_name',
      'f.score_type',
      'f.score_value',
      'f.sentiment_label',
      'f.text',
      'f.received_at',
    ])
    .where('f.org_id', '=', orgId)
    .where('f.case_id', 'is', null)
    .where('f.received_at', '>=', sinceIso)
    .where((eb) =>
      eb.or([
        eb.and([eb('f.score_type', '=', 'nps'), eb('f.score_value', '<=', 6)]),
        eb.and([eb('f.score_type', '=', 'csat'), eb('f.score_value', '<=', 2)]),
        eb('f.sentiment_label', '=', 'negative'),
      ]),
    )
    .orderBy('f.received_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit)
    .execute();
}

/** The keys (`type:id`) a person has put off until after `nowIso`. */
export async function snoozedKeys(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  nowIso: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reminder_snoozes')
    .select(['ref_type', 'ref_id'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('until', '>', nowIso)
    .execute();
  return new Set(rows.map((r) => `${r.ref_type}:${r.ref_id}`));
}

export async function upsertSnooze(db: DbOrTrx, row: ReminderSnoozesTable): Promise<void> {
  await db
    .insertInto('reminder_snoozes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id', 'ref_type', 'ref_id'])
        .doUpdateSet({ until: row.until, created_at: row.created_at }),
    )
    .execute();
}
