// SQL of the notifications module: its two tables only. orgId first, and every read or change of
// a person's rows names the person too.
import type { DbOrTrx, PersonNotificationsTable } from '../../db/types.ts';
import type { NotificationKind } from '../../../shared/domain/vocabulary.ts';

export async function insertNotifications(
  db: DbOrTrx,
  rows: readonly PersonNotificationsTable[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('person_notifications')
      .values([...rows])
      .execute();
}

/** `user:kind` of the listed people's muted kinds. */
export async function mutedPairs(
  db: DbOrTrx,
  orgId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notification_mutes')
    .select(['user_id', 'kind'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => `${r.user_id}:${r.kind}`));
}

/** Whether the person has a notice of this kind on this case made at or after `sinceIso`. */
export async function toldSince(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  kind: NotificationKind,
  caseId: string,
  sinceIso: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('person_notifications')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('created_at', '>=', sinceIso)
    .executeTakeFirst();
  return row !== undefined;
}

/** A person's newest first; ties (one transaction's rows) by id, so the order never changes. */
export async function listOfPerson(db: DbOrTrx, orgId: string, userId: string, limit: number) {
  return db
    .selectFrom('person_notifications')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(db: DbOrTrx, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('person_notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the person's own as read; false when no such row is theirs. */
export async function markRead(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  id: string,
  atIso: string,
): Promise<boolean> {
  const found = await db
    .selectFrom('person_notifications')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) return false;
  await db
    .updateTable('person_notifications')
    .set({ read_at: atIso })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
  return true;
}

export async function markAllRead(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  atIso: string,
): Promise<number> {
  const res = await db
    .updateTable('person_notifications')
    .set({ read_at: atIso })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function mutedKinds(
  db: DbOrTrx,
  orgId: string,
  userId: string,
): Promise<NotificationKind[]> {
  const rows = await db
    .selectFrom('notification_mutes')
    .select('kind')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('kind')
    .execute();
  return rows.map((r) => r.kind);
}

export async function replaceMutes(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  kinds: readonly NotificationKind[],
  atIso: string,
): Promise<void> {
  await db
    .deleteFrom('notification_mutes')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  if (kinds.length > 0)
    await db
      .insertInto('notification_mutes')
      .values(kinds.map((kind) => ({ org_id: orgId, user_id: userId, kind, updated_at: atIso })))
      .execute();
}

/** Read notifications made before the cut-off, in every organisation (the worker's upkeep). */
export async function pruneReadBefore(db: DbOrTrx, beforeIso: string): Promise<number> {
  const res = await db
    .deleteFrom('person_notifications')
    .where('created_at', '<', beforeIso)
    .where('read_at', 'is not', null)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
