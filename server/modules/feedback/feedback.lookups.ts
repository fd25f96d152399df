// Reads the modules above feedback need (care's timeline, the text module's corrections, economics).
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

/** The organisation's records among `ids`; another organisation's or unknown ids are left out. */
export async function findFeedbackRecords(
  s: OrgScope,
  ids: readonly string[],
): Promise<FeedbackTable[]> {
  return ids.length ? repo.findFeedbackByIds(s.db, s.orgId, [...new Set(ids)]) : [];
}

/** A client's most recent records, newest first, at most `limit`. */
export async function listFeedbackOfClient(
  s: OrgScope,
  clientId: string,
  limit: number,
): Promise<FeedbackTable[]> {
  return (await repo.listFeedback(s.db, s.orgId, { clientId, limit })).slice(0, limit);
}

/**
 * The clients with a feedback record in [from, to) (ISO instants), with the UTC calendar date of
 * each record (economics: active clients). Records without a client are left out.
 */
export async function clientFeedbackDates(
  s: OrgScope,
  from: string,
  to: string,
): Promise<{ clientId: string; date: string }[]> {
  const rows = await repo.clientFeedbackTimes(s.db, s.orgId, from, to);
  return rows.map((r) => ({
    clientId: r.client_id!,
    date: new Date(r.received_at).toISOString().slice(0, 10),
  }));
}

/**
 * The latest NPS score (0–10) of each client among the answers received in [from, to) (ISO
 * instants), whichever contact gave it (economics: satisfaction ↔ behaviour).
 */
export async function latestNpsByClient(
  s: OrgScope,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  for (const r of await repo.clientNpsAnswers(s.db, s.orgId, from, to))
    latest.set(r.client_id!, r.score_value!);
  return latest;
}
