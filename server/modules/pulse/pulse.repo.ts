// The only file of the pulse module with SQL. Answers are read only as counts per team, month and
// score, and comments per team and month: no query here returns an answer row.
import { sql } from 'kysely';
import type {
  DbOrTrx,
  PulseAnswersTable,
  PulseInvitationsTable,
  PulseLinksTable,
  PulsesTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

export async function insertPulse(db: DbOrTrx, row: PulsesTable): Promise<void> {
  await db.insertInto('pulses').values(row).execute();
}

export async function findPulse(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('pulses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getPulse(db: DbOrTrx, orgId: string, id: string): Promise<PulsesTable> {
  const row = await findPulse(db, orgId, id);
  if (!row) throw notFound('Pulse');
  return row;
}

export async function findEarlyTenurePulse(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('pulses')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', 'early_tenure')
    .executeTakeFirst();
}

/** Newest first; the cursor is the last id seen. */
export async function listPulses(
  db: DbOrTrx,
  orgId: string,
  f: { beforeId?: string; limit: number },
): Promise<PulsesTable[]> {
  let q = db.selectFrom('pulses').selectAll().where('org_id', '=', orgId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function setPulseStatus(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Pick<PulsesTable, 'status' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('pulses')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertInvitations(db: DbOrTrx, rows: PulseInvitationsTable[]): Promise<void> {
  if (rows.length) await db.insertInto('pulse_invitations').values(rows).execute();
}

export async function invitedEmployeeIds(db: DbOrTrx, orgId: string, pulseId: string) {
  const rows = await db
    .selectFrom('pulse_invitations')
    .select('employee_id')
    .where('org_id', '=', orgId)
    .where('pulse_id', '=', pulseId)
    .execute();
  return new Set(rows.map((r) => r.employee_id));
}

/** Invited and used counts per team: never which invitation was used. */
export async function invitationCounts(db: DbOrTrx, orgId: string, pulseId: string) {
  return db
    .selectFrom('pulse_invitations')
    .select((eb) => [
      'stage_key',
      eb.fn.countAll<number>().as('invited'),
      eb.fn.sum<number>('used').as('answered'),
    ])
    .where('org_id', '=', orgId)
    .where('pulse_id', '=', pulseId)
    .groupBy('stage_key')
    .orderBy('stage_key')
    .execute();
}

export async function insertLinks(db: DbOrTrx, rows: PulseLinksTable[]): Promise<void> {
  if (rows.length) await db.insertInto('pulse_links').values(rows).execute();
}

export async function linksOf(db: DbOrTrx, orgId: string, pulseId: string) {
  return db
    .selectFrom('pulse_links')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pulse_id', '=', pulseId)
    .orderBy('stage_key')
    .execute();
}

// Public pages find their pulse by an unguessable token before any organisation is known.
export async function findInvitationByHash(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('pulse_invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function findLinkByToken(db: DbOrTrx, token: string) {
  return db.selectFrom('pulse_links').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function pulseById(db: DbOrTrx, id: string) {
  return db.selectFrom('pulses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an unused invitation used; false when it was used before (the first answer stands). */
export async function claimInvitation(db: DbOrTrx, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('pulse_invitations')
    .set({ used: 1 })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('used', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAnswer(db: DbOrTrx, row: PulseAnswersTable): Promise<void> {
  await db.insertInto('pulse_answers').values(row).execute();
}

const month = sql<string>`substr(day, 1, 7)`;

/** Answers counted per team, month and score in [from, to) (days), optionally of one pulse/team. */
export async function histogram(
  db: DbOrTrx,
  orgId: string,
  f: { from: string; to: string; pulseId?: string; stage?: string },
) {
  let q = db
    .selectFrom('pulse_answers')
    .select((eb) => ['stage_key', month.as('month'), 'score', eb.fn.countAll<number>().as('count')])
    .where('org_id', '=', orgId)
    .where('day', '>=', f.from)
    .where('day', '<', f.to);
  if (f.pulseId) q = q.where('pulse_id', '=', f.pulseId);
  if (f.stage) q = q.where('stage_key', '=', f.stage);
  return q.groupBy(['stage_key', month, 'score']).execute();
}

/** The comments per team and month in [from, to), in text order (never in arrival order). */
export async function comments(
  db: DbOrTrx,
  orgId: string,
  f: { from: string; to: string; pulseId?: string },
) {
  let q = db
    .selectFrom('pulse_answers')
    .select(['stage_key', month.as('month'), 'comment'])
    .where('org_id', '=', orgId)
    .where('day', '>=', f.from)
    .where('day', '<', f.to)
    .where('comment', 'is not', null);
  if (f.pulseId) q = q.where('pulse_id', '=', f.pulseId);
  return q.orderBy('comment').execute();
}
