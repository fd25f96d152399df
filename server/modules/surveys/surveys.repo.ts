// The only file of the surveys module with SQL.
import type {
  DbOrTrx,
  SurveyInvitesTable,
  SurveyOpenAnswersTable,
  SurveysTable,
} from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { sha256 } from '../../lib/crypto.ts';
import { BUCKET, periodBucket } from '../../db/period-bucket.ts';

export async function insertSurvey(db: DbOrTrx, row: SurveysTable): Promise<void> {
  await db.insertInto('surveys').values(row).execute();
}

export async function findSurvey(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<SurveysTable | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getSurvey(db: DbOrTrx, orgId: string, id: string): Promise<SurveysTable> {
  const row = await findSurvey(db, orgId, id);
  if (!row) throw notFound('Survey');
  return row;
}

/** Newest first; the cursor is the last id seen. */
export async function listSurveys(
  db: DbOrTrx,
  orgId: string,
  f: { beforeId?: string; limit: number },
): Promise<SurveysTable[]> {
  let q = db.selectFrom('surveys').selectAll().where('org_id', '=', orgId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function updateSurvey(
  db: DbOrTrx,
  orgId: string,
  id: string,
  patch: Partial<SurveysTable>,
): Promise<void> {
  await db
    .updateTable('surveys')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertInvites(db: DbOrTrx, rows: SurveyInvitesTable[]): Promise<void> {
  if (rows.length) await db.insertInto('survey_invites').values(rows).execute();
}

/** Newest first; the cursor is the last id seen. */
export async function listInvites(
  db: DbOrTrx,
  orgId: string,
  surveyId: string,
  f: { beforeId?: string; limit: number },
): Promise<SurveyInvitesTable[]> {
  let q = db
    .selectFrom('survey_invites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('survey_id', '=', surveyId);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** The first answer wins: a later or concurrent one leaves the stored feedback id alone. */
export async function markInviteAnswered(
  db: DbOrTrx,
  orgId: string,
  id: string,
  feedbackId: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('survey_invites')
    .set({ feedback_id: feedbackId, answered_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('feedback_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

// Public pages find their survey by an unguessable token before any organisation is known,
// the same way status pages find a record by its public reference.
export async function findSurveyByOpenToken(
  db: DbOrTrx,
  openToken: string,
): Promise<SurveysTable | undefined> {
  return db
    .selectFrom('surveys')
    .selectAll()
    .where('open_token', '=', openToken)
    .executeTakeFirst();
}

export async function findInviteByToken(
  db: DbOrTrx,
  token: string,
): Promise<SurveyInvitesTable | undefined> {
  // Only the token's SHA-256 is kept (issue 19, migration 0042).
  return db
    .selectFrom('survey_invites')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
}

/**
 * Personal invitations of the stages' surveys per (stage, period of the window): how many were
 * created in the period and how many of those have been answered. `bounds` are instants.
 */
export async function countStageInvitesByPeriod(
  db: DbOrTrx,
  orgId: string,
  q: { bounds: readonly string[]; stage?: string; segment?: string; managerId?: string },
): Promise<Array<{ stage: string; bucket: number; sent: number; answered: number }>> {
  const bucket = periodBucket('i.created_at', q.bounds);
  let query = db
    .selectFrom('survey_invites as i')
    .innerJoin('surveys as s', (j) =>
      j.onRef('s.id', '=', 'i.survey_id').onRef('s.org_id', '=', 'i.org_id'),
    )
    .select([
      's.stage',
      bucket.as('bucket'),
      (eb) => eb.fn.countAll<number>().as('sent'),
      (eb) => eb.fn.count<number>('i.answered_at').as('answered'),
    ])
    .where('i.org_id', '=', orgId)
    .where('s.stage', 'is not', null)
    .where('i.created_at', '>=', q.bounds[0]!)
    .where('i.created_at', '<', q.bounds.at(-1)!)
    .groupBy(['s.stage', BUCKET]);
  if (q.stage !== undefined) query = query.where('s.stage', '=', q.stage);
  if (q.segment !== undefined || q.managerId !== undefined)
    query = query.where('i.contact_id', 'in', (eb) => {
      let contacts = eb
        .selectFrom('contacts as k')
        .innerJoin('clients as c', (j) =>
          j.onRef('c.id', '=', 'k.client_id').onRef('c.org_id', '=', 'k.org_id'),
        )
        .select('k.id')
        .where('k.org_id', '=', orgId);
      if (q.segment !== undefined) contacts = contacts.where('c.segment', '=', q.segment);
      if (q.managerId !== undefined) contacts = contacts.where('c.manager_id', '=', q.managerId);
      return contacts;
    });
  const rows = await query.execute();
  return rows.map((r) => ({
    stage: r.stage!,
    bucket: Number(r.bucket),
    sent: Number(r.sent),
    answered: Number(r.answered),
  }));
}

// Open-link answers (open-link-guard.ts): claims of the last day, oldest first.
export async function insertOpenAnswer(db: DbOrTrx, row: SurveyOpenAnswersTable): Promise<void> {
  await db.insertInto('survey_open_answers').values(row).execute();
}

export async function openAnswersSince(
  db: DbOrTrx,
  orgId: string,
  surveyId: string,
  since: string,
) {
  return db
    .selectFrom('survey_open_answers')
    .select(['id', 'device_hash', 'address_hash', 'answered_at'])
    .where('org_id', '=', orgId)
    .where('survey_id', '=', surveyId)
    .where('answered_at', '>', since)
    .orderBy('answered_at')
    .execute();
}

export async function forgetOpenAnswers(
  db: DbOrTrx,
  orgId: string,
  surveyId: string,
  before: string,
): Promise<void> {
  await db
    .deleteFrom('survey_open_answers')
    .where('org_id', '=', orgId)
    .where('survey_id', '=', surveyId)
    .where('answered_at', '<=', before)
    .execute();
}

export async function deleteOpenAnswer(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('survey_open_answers')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
