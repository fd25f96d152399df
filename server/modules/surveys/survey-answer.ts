// Answers from the public survey pages. The visitor is anonymous, so the answer is recorded by a
// system actor of the survey's organisation through the feedback module — which brings the
// acknowledgement e-mail, the case for a detractor and the webhook event.
//
// One invitation yields exactly one feedback record: its source id is `invite:<inviteId>`, so a
// repeated click, a second tab or a mail scanner replaying a one-click link finds the stored
// record instead of adding one (first write wins). Open links carry no source id: every visitor
// may answer once per visit.
//
// Decision: a one-click score from the e-mail is recorded at once and the thank-you page offers
// nothing more. Adding a comment afterwards would mean changing a stored feedback record, which
// only the feedback module may do and which would bypass its case rules for complaint words; a
// visitor who wants to comment uses the page link of the e-mail instead (score + comment in one go).
import type { Logger } from 'pino';
import { ctxFor } from '../../context.ts';
import type { ContactsTable, SurveyInvitesTable, SurveysTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../lib/permissions.ts';
import { findContact } from '../clients/index.ts';
import { recordFeedback } from '../feedback/index.ts';
import { TOKEN_RE } from './survey-links.ts';
import { recordInviteAnswered } from './invite-groups.ts';
import * as repo from './surveys.repo.ts';

export type SurveyTarget =
  | {
      kind: 'invite';
      survey: SurveysTable;
      invite: SurveyInvitesTable;
      contact: ContactsTable | undefined;
    }
  | { kind: 'open'; survey: SurveysTable };

export async function findInviteTarget(
  deps: Deps,
  token: string,
): Promise<SurveyTarget | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const invite = await repo.findInviteByToken(deps.db, token);
  if (!invite) return undefined;
  const survey = await repo.findSurvey(deps.db, invite.org_id, invite.survey_id);
  if (!survey) return undefined;
  const contact = await findContact({ db: deps.db, orgId: invite.org_id }, invite.contact_id);
  return { kind: 'invite', survey, invite, contact };
}

export async function findOpenTarget(
  deps: Deps,
  openToken: string,
): Promise<SurveyTarget | undefined> {
  if (!TOKEN_RE.test(openToken)) return undefined;
  const survey = await repo.findSurveyByOpenToken(deps.db, openToken);
  return survey ? { kind: 'open', survey } : undefined;
}

/** Whether the target still takes an answer: closed surveys and expired invitations do not. */
export function stateOf(target: SurveyTarget, now: Date): 'open' | 'closed' | 'answered' {
  if (target.kind === 'invite' && target.invite.feedback_id) return 'answered';
  if (target.survey.status !== 'active') return 'closed';
  if (
    target.kind === 'invite' &&
    target.invite.expires_at &&
    new Date(target.invite.expires_at) <= now
  )
    return 'closed';
  return 'open';
}

/** Records the answer; 'already' when this invitation's answer was stored before. */
export async function recordAnswer(
  deps: Deps,
  log: Logger,
  target: SurveyTarget,
  answer: { score: number; comment?: string },
): Promise<'recorded' | 'already'> {
  const { survey } = target;
  const actor: Actor = { type: 'system', id: null, orgId: survey.org_id, role: 'manager' };
  const invite = target.kind === 'invite' ? target.invite : undefined;
  const result = await recordFeedback(
    ctxFor(deps, actor, log),
    {
      channel: 'survey',
      stage: survey.stage ?? undefined,
      score: { type: survey.metric, value: answer.score },
      text: answer.comment,
      sourceId: invite ? `invite:${invite.id}` : undefined,
    },
    { contactId: invite?.contact_id, surveyId: survey.id },
  );
  // Outside the intake transaction on purpose: if this update is lost, the next visit replays
  // the source id, finds the same record and marks the invitation then.
  // The first answer also counts in the response rate per client group, in the same
  // transaction as the mark (ADR 018).
  if (invite)
    await deps.db.transaction().execute(async (db) => {
      const first = await repo.markInviteAnswered(
        db,
        survey.org_id,
        invite.id,
        result.record.id,
        deps.clock.now().toISOString(),
      );
      if (first) await recordInviteAnswered({ db, orgId: survey.org_id }, invite.id);
    });
  if (result.created) deps.jobs.notify();
  return result.created ? 'recorded' : 'already';
}
