// What the people of an organisation are told about their cases (issue 21): a case assigned to
// them by someone else or by routing, one of their cases at risk of or past its SLA, a client's reply on one of
// theirs. Cases only announces them through this hook (ADR 008), inside the transaction of the
// event, so a notification exists exactly when its event committed; the notifications module
// above writes them. Several at once (an intake group's routed cases) go in one emit.
import type { Ctx } from '../../context.ts';
import { createHook } from '../../lib/hook.ts';
import type { NotificationKind } from '../../../shared/domain/vocabulary.ts';

export interface CaseNotice {
  kind: NotificationKind;
  caseId: string;
  /** The person told. */
  userId: string;
  /** The person who caused it; null for routing, the SLA timer or a client's mail. */
  actorId: string | null;
  /**
   * Once only: not written when this person already has a notice of this kind on this case made
   * at or after this moment (a timer job run twice — the queue is at-least-once).
   */
  onceSince?: string;
}

export const caseNotices = createHook<Ctx, readonly CaseNotice[]>('cases.notices');

/** The calling person, when a person (not a key or the system) caused the event. */
export const personOf = (tx: Pick<Ctx, 'actor'>): string | null =>
  tx.actor.type === 'user' ? tx.actor.id : null;

export async function tellPeople(tx: Ctx, notices: readonly CaseNotice[]): Promise<void> {
  if (notices.length > 0) await caseNotices.emit(tx, notices);
}
