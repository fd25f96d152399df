// The outbox list filters by a client, a case or a feedback record. An id there names one of this
// organisation's, or the request is the same 404 another organisation's id or none gets — never
// an empty page (SECURITY.md: ids in query strings are scoped like ids in paths). Cases and
// records belong to modules above messaging, so they say which ids are theirs through a hook
// (ADR 008); an id nobody claims is refused, so a missing subscriber fails closed.
import type { OrgScope } from '../../context.ts';
import { unknownReference } from '../../http/errors.ts';
import { createHook } from '../../lib/hook.ts';
import { findClient } from '../clients/index.ts';

export interface MessageFilterIds {
  caseId?: string;
  feedbackId?: string;
  /** Filled by the subscribers: the fields above whose id they found in the organisation. */
  known: Set<'caseId' | 'feedbackId'>;
}

export const messageFilterNaming = createHook<OrgScope, MessageFilterIds>(
  'messaging.messageFilterNaming',
);

const KIND = { caseId: 'case', feedbackId: 'feedback record' } as const;

export async function assertMessageFilter(
  s: OrgScope,
  q: { clientId?: string; caseId?: string; feedbackId?: string },
): Promise<void> {
  if (q.clientId !== undefined && !(await findClient(s, q.clientId)))
    throw unknownReference('query.clientId', 'client');
  if (q.caseId === undefined && q.feedbackId === undefined) return;
  const ids: MessageFilterIds = { caseId: q.caseId, feedbackId: q.feedbackId, known: new Set() };
  await messageFilterNaming.emit(s, ids);
  for (const field of ['caseId', 'feedbackId'] as const)
    if (ids[field] !== undefined && !ids.known.has(field))
      throw unknownReference(`query.${field}`, KIND[field]);
}
