// A case's timeline entry plus the outbound webhook events that go with it, in one transaction.
import type { Ctx } from '../../context.ts';
import type { CaseEventsTable, CasesTable, CaseStatus } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { syncCaseRollup } from './case-rollup.service.ts';

export interface CaseEventInput {
  kind:
    | 'opened'
    | 'status'
    | 'assigned'
    | 'priority'
    | 'note'
    | 'sla_breached'
    | 'client_reply'
    | 'reply_sent'
    /** Issue 21: the resolution code's key (the UI shows its name) and a tag added. */
    | 'resolution_code'
    | 'tagged';
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  body?: string | null;
  /** In the timeline only, no case.updated webhook event (the routing of a case being opened). */
  timelineOnly?: boolean;
}

export function caseWebhookData(c: CasesTable) {
  return {
    id: c.id,
    publicRef: c.public_ref,
    status: c.status,
    priority: c.priority,
    type: c.type,
    ownerId: c.owner_id,
    clientId: c.client_id,
    feedbackId: c.feedback_id,
    dueAt: c.due_at,
    resolvedAt: c.resolved_at,
    resolution: c.resolution,
    resolutionCode: c.resolution_code,
    tags: JSON.parse(c.tags) as string[],
  };
}

const ROLLUP_KINDS = new Set<CaseEventInput['kind']>([
  'opened',
  'status',
  'sla_breached',
  'client_reply',
  'reply_sent',
]);

/** The timeline row of an event (set-based opening writes many at once: open-cases.ts). */
export function caseEventRow(
  tx: Pick<Ctx, 'orgId' | 'clock' | 'actor'>,
  c: Pick<CasesTable, 'id'>,
  e: CaseEventInput,
): CaseEventsTable {
  const now = tx.clock.now();
  return {
    id: newId(now.getTime()),
    org_id: tx.orgId,
    case_id: c.id,
    kind: e.kind,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    actor_type: tx.actor.type,
    actor_id: tx.actor.id,
    body: e.body ?? null,
    created_at: now.toISOString(),
  };
}

export async function emitCaseEvent(
  tx: Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'actor'>,
  c: CasesTable,
  e: CaseEventInput,
): Promise<void> {
  await tx.db
    .insertInto('case_events')
    .values(caseEventRow(tx, c, e))
    .execute();
  // Every change the scorecard's case metrics see comes with one of these events (the row is
  // updated before it): the rollup follows in the same transaction (ADR 015).
  if (ROLLUP_KINDS.has(e.kind)) await syncCaseRollup(tx, [c.id]);
  if (e.kind === 'opened' || e.timelineOnly) return;
  await emitWebhookEvent(tx, 'case.updated', {
    case: caseWebhookData(c),
    change: { kind: e.kind, from: e.fromStatus ?? null, to: e.toStatus ?? null },
  });
  if (e.kind === 'status' && e.toStatus === 'resolved')
    await emitWebhookEvent(tx, 'case.resolved', { case: caseWebhookData(c) });
}
