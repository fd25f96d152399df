// The only file of the surveys module with SQL.
import type { DbOrTrx, SurveyInvitesTable, SurveysTable } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';

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
): Promise<void> {
  await db
    .updateTable('survey_invites')
    .set({ feedback_id: feedbackId, answered_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('feedback_id', 'is', null)
    .execute();
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
  return db.selectFrom('survey_invites').selectAll().where('token', '=', token).executeTakeFirst();
}
