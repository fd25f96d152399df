// Feedback facts for the portfolio's relationship score (issue 17), read through the metrics
// module, which owns the analytics reads of feedback. No role check: the portfolio checks its
// caller.
import type { OrgScope } from '../../context.ts';
import * as repo from './portfolio-facts.repo.ts';

export type LatestNpsAnswer = Awaited<ReturnType<typeof repo.latestNpsAnswers>>[number];

/** Per (client, contact — null for records without one), the latest NPS answer before `before`. */
export const latestNpsAnswersBefore = (s: OrgScope, before: string) =>
  repo.latestNpsAnswers(s.db, s.orgId, before);

/** Ids of the contacts with any feedback record in [from, to) (instants): a touch. */
export const contactsTouchedIn = async (s: OrgScope, from: string, to: string) =>
  new Set(await repo.touchedContacts(s.db, s.orgId, from, to));
