// The only file of the backlog module with SQL. orgId first, always.
import type { DbOrTrx, InitiativeNoticesTable, InitiativesTable } from '../../db/types.ts';

export type LinkTable = 'initiative_feedback' | 'initiative_clients' | 'initiative_cases';
const COLUMN = {
  initiative_feedback: 'feedback_id',
  initiative_clients: 'client_id',
  initiative_cases: 'case_id',
} as const;

/** Every initiative of the organisation is read at once: values are scaled across all of them. */
export const MAX_INITIATIVES = 5000;

export async function insertInitiative(db: DbOrTrx, row: InitiativesTable): Promise<void> {
  await db.insertInto('initiatives').values(row).execute();
}

export async function findInitiative(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('initiatives')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listInitiatives(db: DbOrTrx, orgId: string, ids?: readonly string[]) {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('initiatives').selectAll().where('org_id', '=', orgId);
  if (ids) q = q.where('id', 'in', [...new Set(ids)]);
  return q.orderBy('created_at').orderBy('id').limit(MAX_INITIATIVES).execute();
}

export async function updateInitiative(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<Omit<InitiativesTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('initiatives')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteInitiative(db: DbOrTrx, orgId: string, id: string): Promise<number> {
  for (const table of ['initiative_feedback', 'initiative_clients', 'initiative_cases'] as const)
    await db
      .deleteFrom(table)
      .where('org_id', '=', orgId)
      .where('initiative_id', '=', id)
      .execute();
  await db
    .deleteFrom('initiative_notices')
    .where('org_id', '=', orgId)
    .where('initiative_id', '=', id)
    .execute();
  const r = await db
    .deleteFrom('initiatives')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Linked ids per initiative (for the given initiatives, or all of the organisation's). */
export async function links(
  db: DbOrTrx,
  orgId: string,
  table: LinkTable,
  initiativeIds?: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (initiativeIds && initiativeIds.length === 0) return out;
  const column = COLUMN[table];
  let q = db
    .selectFrom(table)
    .select(['initiative_id', `${column} as other` as never])
    .where('org_id', '=', orgId);
  if (initiativeIds) q = q.where('initiative_id', 'in', [...initiativeIds]);
  const rows = (await q.execute()) as unknown as { initiative_id: string; other: string }[];
  for (const r of rows.sort((a, b) => a.other.localeCompare(b.other)))
    out.set(r.initiative_id, [...(out.get(r.initiative_id) ?? []), r.other]);
  return out;
}

/** Adds links (those already there are kept once). */
export async function addLinks(
  db: DbOrTrx,
  orgId: string,
  table: LinkTable,
  initiativeId: string,
  ids: readonly string[],
): Promise<void> {
  const column = COLUMN[table];
  const have = new Set((await links(db, orgId, table, [initiativeId])).get(initiativeId) ?? []);
  const fresh = [...new Set(ids)].filter((id) => !have.has(id));
  if (fresh.length === 0) return;
  await db
    .insertInto(table)
    .values(
      fresh.map((id) => ({ org_id: orgId, initiative_id: initiativeId, [column]: id })) as never,
    )
    .execute();
}

/** Replaces the links of one kind. */
export async function setLinks(
  db: DbOrTrx,
  orgId: string,
  table: LinkTable,
  initiativeId: string,
  ids: readonly string[],
): Promise<void> {
  await db
    .deleteFrom(table)
    .where('org_id', '=', orgId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  await addLinks(db, orgId, table, initiativeId, ids);
}

/** The initiatives linked to a feedback record. */
export async function initiativesOfFeedback(db: DbOrTrx, orgId: string, feedbackId: string) {
  return db
    .selectFrom('initiative_feedback as l')
    .innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
    .selectAll('i')
    .where('l.org_id', '=', orgId)
    .where('i.org_id', '=', orgId)
    .where('l.feedback_id', '=', feedbackId)
    .orderBy('i.done_at')
    .execute();
}

/** The contacts already told about an initiative. */
export async function noticedContacts(
  db: DbOrTrx,
  orgId: string,
  initiativeId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('initiative_notices')
    .select('contact_id')
    .where('org_id', '=', orgId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  return new Set(rows.map((r) => r.contact_id));
}

export async function insertNotices(db: DbOrTrx, rows: readonly InitiativeNoticesTable[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('initiative_notices')
    .values([...rows])
    .onConflict((oc) => oc.columns(['initiative_id', 'contact_id']).doNothing())
    .execute();
}
