// Reads the modules above messaging need (inbound threading, care's timeline). Services without
// a role check: callers have checked. Every read is scoped by the organisation.
import type { OrgScope } from '../../context.ts';
import type { MessagesTable } from '../../db/types.ts';
import * as repo from './messaging.repo.ts';

/** One of our messages (replies name it in In-Reply-To); undefined for another org's id. */
export async function findOwnMessage(
  s: OrgScope,
  messageId: string,
): Promise<MessagesTable | undefined> {
  return repo.findMessage(s.db, s.orgId, messageId);
}

/** Messages sent to a client, newest first, at most `limit`. */
export async function listSentMessagesOfClient(
  s: OrgScope,
  clientId: string,
  limit: number,
): Promise<MessagesTable[]> {
  return (await repo.listMessages(s.db, s.orgId, { clientId, status: 'sent', limit })).slice(
    0,
    limit,
  );
}

/** The newest message that failed or was not sent, with its reason (set-up health, issue 21). */
export async function lastDeliveryError(
  s: OrgScope,
): Promise<{ at: string; kind: string; error: string } | null> {
  const row = await repo.lastDeliveryError(s.db, s.orgId);
  return row ? { at: row.created_at, kind: row.kind, error: row.last_error ?? '' } : null;
}
