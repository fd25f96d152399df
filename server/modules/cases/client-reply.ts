// A client's answer to one of our messages (e.g. an e-mail reply to an acknowledgement) joins the
// case's timeline; a case that was waiting for the client goes back to work.
import { inTransaction, type Ctx } from '../../context.ts';
import type { CasesTable } from '../../db/types.ts';
import { assertCan } from '../../lib/permissions.ts';
import { emitCaseEvent } from './case-events.ts';
import { tellPeople } from './case-notices.ts';
import * as repo from './cases.repo.ts';
import { requestStatusMessage } from './status-message.ts';

export async function recordClientReply(
  ctx: Ctx,
  caseId: string,
  reply: { body: string; fromEmail: string },
): Promise<CasesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const current = await repo.getCase(tx.db, tx.orgId, caseId);
    // The sender heads the entry: a case may have several people writing in.
    await emitCaseEvent(tx, current, {
      kind: 'client_reply',
      body: `${reply.fromEmail}:\n${reply.body}`,
    });
    if (current.owner_id)
      await tellPeople(tx, [
        { kind: 'client_reply', caseId, userId: current.owner_id, actorId: null },
      ]);
    if (current.status !== 'waiting_client') return current;
    const at = tx.clock.now().toISOString();
    await repo.updateCase(tx.db, tx.orgId, caseId, { status: 'in_progress', updated_at: at });
    const next: CasesTable = { ...current, status: 'in_progress', updated_at: at };
    await emitCaseEvent(tx, next, {
      kind: 'status',
      fromStatus: 'waiting_client',
      toStatus: 'in_progress',
      body: 'client replied',
    });
    await requestStatusMessage(tx, next);
    return next;
  });
}
