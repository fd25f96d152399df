// SQL of the invitation rollup per client group (migration 0043, ADR 018): personal invitations
// sent and answered per month of sending (survey_invite_zones' zone), survey stage and the
// segment and manager of the contact's client ('' for none). Only surveys with a stage count.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/types.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';

export interface InviteGroupRow {
  segment: string;
  manager: string;
  month: string;
  stage: string;
  sent: number;
  answered: number;
}

export async function findZone(db: DbOrTrx, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_invite_zones')
    .select('time_zone')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.time_zone;
}

export async function saveZone(db: DbOrTrx, orgId: string, timeZone: string): Promise<void> {
  await db
    .insertInto('survey_invite_zones')
    .values({ org_id: orgId, time_zone: timeZone })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ time_zone: timeZone }))
    .execute();
}

const KEY = ['org_id', 'segment', 'manager', 'month', 'stage'] as const;

/** Adds counts (negative to take away), one statement for all the rows. */
export async function addInviteGroups(
  db: DbOrTrx,
  orgId: string,
  rows: readonly InviteGroupRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('survey_invite_groups')
    .values(rows.map((r) => ({ org_id: orgId, ...r })))
    .onConflict((oc) =>
      oc.columns([...KEY]).doUpdateSet({
        sent: sql`survey_invite_groups.sent + excluded.sent`,
        answered: sql`survey_invite_groups.answered + excluded.answered`,
      }),
    )
    .execute();
}

/** Rows that came back to nothing, so the rollup equals a fresh count. */
export async function dropEmptyInviteGroups(db: DbOrTrx, orgId: string): Promise<void> {
  await db
    .deleteFrom('survey_invite_groups')
    .where('org_id', '=', orgId)
    .where('sent', '=', 0)
    .where('answered', '=', 0)
    .execute();
}

export async function clearInviteGroups(db: DbOrTrx, orgId: string): Promise<void> {
  await db.deleteFrom('survey_invite_groups').where('org_id', '=', orgId).execute();
}

/** Months [fromMonth, toMonth) of one segment's or manager's clients (or both), summed in SQL. */
export async function sumInviteGroups(
  db: DbOrTrx,
  orgId: string,
  q: { fromMonth: string; toMonth: string; stage?: string; segment?: string; manager?: string },
) {
  let query = db
    .selectFrom('survey_invite_groups')
    .select([
      'month',
      'stage',
      (eb) => eb.fn.sum<number>('sent').as('sent'),
      (eb) => eb.fn.sum<number>('answered').as('answered'),
    ])
    .where('org_id', '=', orgId)
    .where('month', '>=', q.fromMonth)
    .where('month', '<', q.toMonth)
    .groupBy(['month', 'stage']);
  if (q.segment !== undefined) query = query.where('segment', '=', q.segment);
  if (q.manager !== undefined) query = query.where('manager', '=', q.manager);
  if (q.stage !== undefined) query = query.where('stage', '=', q.stage);
  return (await query.execute()).map((r) => ({
    month: r.month,
    stage: r.stage,
    sent: Number(r.sent),
    answered: Number(r.answered),
  }));
}

const SEGMENT = sql<string>`coalesce(c.segment, '')`;
const MANAGER = sql<string>`coalesce(cast(c.manager_id as text), '')`;

/** The counted invitations with the current group of their contact's client. */
function counted(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('survey_invites as i')
    .innerJoin('surveys as s', (j) =>
      j.onRef('s.id', '=', 'i.survey_id').onRef('s.org_id', '=', 'i.org_id'),
    )
    .innerJoin('contacts as k', (j) =>
      j.onRef('k.id', '=', 'i.contact_id').onRef('k.org_id', '=', 'i.org_id'),
    )
    .leftJoin('clients as c', (j) =>
      j.onRef('c.id', '=', 'k.client_id').onRef('c.org_id', '=', 'k.org_id'),
    )
    .where('i.org_id', '=', orgId)
    .where('s.stage', 'is not', null);
}

/** Per (stage, group, bucket) between boundary instants: a rebuild's one scan. */
export async function countInvitesByBucket(db: DbOrTrx, orgId: string, bounds: readonly string[]) {
  const rows = await counted(db, orgId)
    .select([
      's.stage',
      SEGMENT.as('segment'),
      MANAGER.as('manager'),
      periodBucket('i.created_at', bounds).as('bucket'),
      (eb) => eb.fn.countAll<number>().as('sent'),
      (eb) => eb.fn.count<number>('i.answered_at').as('answered'),
    ])
    .where('i.created_at', '>=', bounds[0]!)
    .where('i.created_at', '<', bounds.at(-1)!)
    .groupBy(['s.stage', SEGMENT, MANAGER, BUCKET])
    .execute();
  return rows.map((r) => ({
    stage: r.stage!,
    segment: r.segment,
    manager: r.manager,
    bucket: Number(r.bucket),
    sent: Number(r.sent),
    answered: Number(r.answered),
  }));
}

/** The first and last sending instants of the counted invitations. */
export async function sentRange(db: DbOrTrx, orgId: string) {
  const r = await counted(db, orgId)
    .select((eb) => [eb.fn.min('i.created_at').as('first'), eb.fn.max('i.created_at').as('last')])
    .executeTakeFirst();
  if (!r?.first || !r.last) return undefined;
  return {
    first: new Date(r.first as string).toISOString(),
    last: new Date(r.last as string).toISOString(),
  };
}

/** Counted invitations, a row each, of some invitations, clients, contacts or one survey. */
export async function countedInvites(
  db: DbOrTrx,
  orgId: string,
  by: {
    inviteIds?: readonly string[];
    clientIds?: readonly string[];
    contactIds?: readonly string[];
    surveyId?: string;
  },
) {
  let q = counted(db, orgId).select([
    'k.client_id',
    's.stage',
    SEGMENT.as('segment'),
    MANAGER.as('manager'),
    'i.created_at',
    'i.answered_at',
  ]);
  if (by.inviteIds) q = q.where('i.id', 'in', by.inviteIds);
  if (by.clientIds) q = q.where('k.client_id', 'in', by.clientIds);
  if (by.contactIds) q = q.where('i.contact_id', 'in', by.contactIds);
  if (by.surveyId) q = q.where('i.survey_id', '=', by.surveyId);
  return (await q.execute()).map((r) => ({
    clientId: r.client_id,
    stage: r.stage!,
    segment: r.segment,
    manager: r.manager,
    createdAt: new Date(r.created_at).toISOString(),
    answered: r.answered_at !== null,
  }));
}

/** Counts of stage `fromKey` added to `intoKey`'s, then removed (a merge of stages). */
export async function moveInviteStage(
  db: DbOrTrx,
  orgId: string,
  fromKey: string,
  intoKey: string,
) {
  const rows = await db
    .selectFrom('survey_invite_groups')
    .select(['segment', 'manager', 'month', 'sent', 'answered'])
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  await db
    .deleteFrom('survey_invite_groups')
    .where('org_id', '=', orgId)
    .where('stage', '=', fromKey)
    .execute();
  const moved = rows.map((r) => ({
    ...r,
    stage: intoKey,
    sent: Number(r.sent),
    answered: Number(r.answered),
  }));
  for (let i = 0; i < moved.length; i += 1_000)
    await addInviteGroups(db, orgId, moved.slice(i, i + 1_000));
}
