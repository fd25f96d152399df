// Free-text notes on a client (its timeline shows them).
import { inTransaction, type Ctx } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { recordAudit } from '../orgs/index.ts';
import { clientOf } from './care.service.ts';
import * as repo from './care.repo.ts';

export async function addNote(ctx: Ctx, clientId: string, text: string) {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    await clientOf(tx, clientId);
    const row = {
      id: newId(),
      org_id: tx.orgId,
      client_id: clientId,
      text,
      author_type: tx.actor.type,
      author_id: tx.actor.id,
      created_at: tx.clock.now().toISOString(),
    };
    await repo.insertNote(tx.db, row);
    await recordAudit(tx, 'note.created', { type: 'note', id: row.id });
    return row;
  });
}
