// Feedback facts for the arbiter report (issue 16), read through the metrics module, which owns
// the analytics reads of feedback. No role check of its own: the arbiter checks the caller.
import type { OrgScope } from '../../context.ts';
import * as repo from './feedback-facts.repo.ts';

export type NpsAnswer = Awaited<ReturnType<typeof repo.npsAnswers>>[number];
export type NegativeText = Awaited<ReturnType<typeof repo.negativeTexts>>[number];

/** NPS answers of known clients received in [from, to) (instants). */
export const npsAnswersIn = (s: OrgScope, from: string, to: string) =>
  repo.npsAnswers(s.db, s.orgId, from, to);

/** (stage, client) pairs with any feedback record in [from, to). */
export const stageSpeakersIn = (s: OrgScope, from: string, to: string) =>
  repo.stageSpeakers(s.db, s.orgId, from, to);

/** Negative texts of every stage in [from, to), newest first, at most `limit` in all. */
export const negativeTextsIn = (s: OrgScope, from: string, to: string, limit = 5000) =>
  repo.negativeTexts(s.db, s.orgId, { from, to, limit });

/** Whether feedback received in [from, to) arrived after `since` (the report is out of date). */
export const feedbackArrivedSince = (s: OrgScope, from: string, to: string, since: string) =>
  repo.feedbackStoredSince(s.db, s.orgId, from, to, since);
