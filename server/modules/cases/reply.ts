// A person's reply to the client from the case page (issue 21): an outbound message of kind
// `reply` in the contact's language, queued in the outbox in the same transaction as the case's
// `reply_sent` event and the audit entry. The message carries the case, so its Message-ID
// (<message id@clientloop>) threads the client's e-mail answer back onto this case through the
// inbound module's rule (our Message-ID in In-Reply-To/References, from the address we wrote to).
// A reply is transactional: the client's own conversation, so the unsubscribe list does not stop
// it and it carries no unsubscribe link (messaging: `reply` is not a suppressible kind).
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { assertCan } from '../../lib/permissions.ts';
import { statusUrl } from '../../lib/public-urls.ts';
import { findContact } from '../clients/index.ts';
import { queueMessage } from '../messaging/index.ts';
import { findOrgUser, recordAudit } from '../orgs/index.ts';
import { emitCaseEvent } from './case-events.ts';
import * as repo from './cases.repo.ts';

export const REPLY_MAX = 5000;

export interface ReplySent {
  messageId: string;
  to: string;
  language: string;
}

export async function sendReply(ctx: Ctx, caseId: string, raw: string): Promise<ReplySent> {
  assertCan(ctx.actor, 'data.write');
  const text = raw.trim();
  if (!text || text.length > REPLY_MAX)
    throw new AppError('unprocessable', 'The reply needs text', {
      invalidParams: [
        { name: 'body.text', reason: text ? `at most ${REPLY_MAX} characters` : 'empty' },
      ],
    });
  return inTransaction(ctx, async (tx) => {
    const c = await repo.getCase(tx.db, tx.orgId, caseId);
    const contact = c.contact_id ? await findContact(tx, c.contact_id) : undefined;
    if (!contact?.email)
      throw new AppError('cannot_notify', 'The case has no contact with an e-mail address');
    const sender =
      tx.actor.type === 'user' && tx.actor.id ? await findOrgUser(tx, tx.actor.id) : undefined;
    const key = newId(tx.clock.now().getTime());
    const messageId = await queueMessage(tx, {
      kind: 'reply',
      to: contact.email,
      language: contact.language,
      vars: {
        name: contact.name,
        ref: c.public_ref,
        text,
        statusUrl: statusUrl(tx.config, c.public_ref),
        senderName: sender?.name ?? '',
      },
      caseId: c.id,
      feedbackId: c.feedback_id,
      contactId: contact.id,
      clientId: c.client_id,
      dedupeKey: `reply:${c.id}:${key}`,
    });
    if (!messageId) throw new AppError('cannot_notify', 'The reply could not be queued');
    const at = tx.clock.now().toISOString();
    // A person answering the client is the first response, if nothing came before.
    if (!c.first_responded_at && tx.actor.type === 'user')
      await repo.updateCase(tx.db, tx.orgId, c.id, { first_responded_at: at, updated_at: at });
    await emitCaseEvent(tx, c, { kind: 'reply_sent', body: text });
    await recordAudit(
      tx,
      'case.reply_sent',
      { type: 'case', id: c.id },
      { ref: c.public_ref, messageId },
    );
    return { messageId, to: contact.email, language: contact.language };
  });
}
