// Reads the modules above feedback need (care's timeline, the text module's corrections).
// Services without a role check: callers have checked. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { FeedbackTable } from '../../db/types.ts';
import * as repo from './feedback.repo.ts';

export async function findFeedbackRecord(
  s: OrgScope,
  feedbackId: string,
): Promise<FeedbackTable | undefined> {
  return repo.findFeedback(s.db, s.orgId, feedbackId);
}

/** A client's most recent records, newest first, at most `limit`. */
export async function listFeedbackOfClient(
  s: OrgScope,
  clientId: string,
  limit: number,
): Promise<FeedbackTable[]> {
  return (await repo.listFeedback(s.db, s.orgId, { clientId, limit })).slice(0, limit);
}
