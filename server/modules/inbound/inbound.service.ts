// The organisation's inbound address, and the decisions people take on quarantined mail: accept
// (the sender becomes a contact and the mail becomes feedback) or discard.
import { inTransaction, type Ctx } from '../../context.ts';
import type { InboundMessagesTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { decodeCursor, toPage } from '../../lib/paging.ts';
import { assertCan } from '../../lib/permissions.ts';
import { feedbackIn } from '../../../shared/api/feedback.ts';
import { recordFeedback } from '../feedback/index.ts';
import { recordAudit } from '../orgs/index.ts';
import * as repo from './inbound.repo.ts';
import { sourceIdOf } from './mail-intake.ts';
import { inboundAddressOf, newInboundToken } from './mail-rules.ts';

export async function getInboundAddress(
  ctx: Ctx,
): Promise<{ address: string; token: string; receiving: boolean }> {
  assertCan(ctx.actor, 'data.read');
  let row = await repo.findAddress(ctx.db, ctx.orgId);
  if (!row) {
    // Made on first sight, so every organisation has an address without a set-up step.
    await repo.insertAddressIfMissing(ctx.db, {
      org_id: ctx.orgId,
      token: newInboundToken(),
      created_at: ctx.clock.now().toISOString(),
    });
    row = await repo.findAddress(ctx.db, ctx.orgId);
  }
  return {
    address: inboundAddressOf(row!.token, ctx.config.http.publicUrl),
    token: row!.token,
    // The built-in receiver runs only with INBOUND_SMTP_PORT set; the page says so when it does not.
    receiving: ctx.config.mail.inboundPort !== undefined,
  };
}

export async function listQuarantine(ctx: Ctx, q: { cursor?: string; limit: number }) {
  assertCan(ctx.actor, 'data.read');
  const rows = await repo.listQuarantined(ctx.db, ctx.orgId, {
    beforeId: decodeCursor(q.cursor),
    limit: q.limit,
  });
  return toPage(rows, q.limit);
}

const alreadyDecided = (row: InboundMessagesTable) =>
  new AppError('conflict', `This message was already ${row.status}`);

export async function acceptQuarantined(ctx: Ctx, id: string): Promise<InboundMessagesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const row = await repo.getInboundMessage(tx.db, tx.orgId, id);
    if (row.status !== 'quarantined') throw alreadyDecided(row);
    const input = feedbackIn.safeParse({
      channel: 'email',
      text: row.text,
      contact: { email: row.from_address, ...(row.from_name ? { name: row.from_name } : {}) },
      receivedAt: row.received_at,
      sourceId: sourceIdOf(
        {
          messageId: row.message_id ?? undefined,
          envelopeFrom: row.from_address,
          subject: row.subject,
          date: new Date(row.received_at),
          headers: new Map(),
        },
        row.from_address,
        row.text,
      ),
    });
    if (!input.success) {
      throw new AppError(
        'unprocessable',
        'This message cannot become feedback (no readable text or sender address)',
        {
          invalidParams: input.error.issues.map((i) => ({
            name: i.path.join('.'),
            reason: i.message,
          })),
        },
      );
    }
    const at = tx.clock.now().toISOString();
    // The conditional update is the lock: of two people accepting at once, one gets the 409.
    if (
      !(await repo.decideQuarantined(tx.db, tx.orgId, id, {
        status: 'accepted',
        decided_at: at,
        decided_by: tx.actor.id,
      }))
    )
      throw alreadyDecided(row);
    const { record } = await recordFeedback(tx, input.data, {
      raw: { subject: row.subject, from: row.from_address, messageId: row.message_id },
    });
    await repo.setInboundFeedback(tx.db, tx.orgId, id, record.id);
    await recordAudit(
      tx,
      'inbound.accepted',
      { type: 'inbound_message', id },
      { feedbackId: record.id },
    );
    return {
      ...row,
      status: 'accepted' as const,
      decided_at: at,
      decided_by: tx.actor.id,
      feedback_id: record.id,
    };
  });
}

export async function discardQuarantined(ctx: Ctx, id: string): Promise<InboundMessagesTable> {
  assertCan(ctx.actor, 'data.write');
  return inTransaction(ctx, async (tx) => {
    const row = await repo.getInboundMessage(tx.db, tx.orgId, id);
    if (row.status !== 'quarantined') throw alreadyDecided(row);
    const at = tx.clock.now().toISOString();
    if (
      !(await repo.decideQuarantined(tx.db, tx.orgId, id, {
        status: 'discarded',
        decided_at: at,
        decided_by: tx.actor.id,
      }))
    )
      throw alreadyDecided(row);
    await recordAudit(tx, 'inbound.discarded', { type: 'inbound_message', id });
    return { ...row, status: 'discarded' as const, decided_at: at, decided_by: tx.actor.id };
  });
}
