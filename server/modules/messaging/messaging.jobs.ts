// Sends one queued message over SMTP. At-least-once: a message already marked sent is skipped,
// and its Message-ID is stable so a resend after a crash is recognisable downstream.
import { ERASED_ERROR } from './privacy.ts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { durableWrite } from '../../db/wal-sync.ts';
import { AppError } from '../../http/errors.ts';
import { defineJob } from '../../jobs/queue.ts';
import { attachmentsOf } from './message-attachments.ts';
import { messageSent } from './message-sent.ts';
import { carriesSecretLink, sentCopyOf } from './secret-links.ts';
import * as repo from './messaging.repo.ts';
import { SEND_JOB } from './messaging.service.ts';
import {
  listUnsubscribeHeaders,
  suppressedOf,
  UNSUBSCRIBED_ERROR,
  unsubscribeLinks,
} from './unsubscribe.ts';

export const SEND_MAX_ATTEMPTS = 8;
const SUPERSEDED_ERROR = 'the case was resolved before this status message went out';

const REDACTED = '(password reset link removed after sending)';

export function messagingJobs(deps: Deps) {
  return [
    defineJob({
      name: SEND_JOB,
      payload: z.object({ messageId: z.uuid() }),
      maxAttempts: SEND_MAX_ATTEMPTS,
      handler: async (job, { messageId }) => {
        if (!job.orgId) throw new AppError('unprocessable', 'message job without an organisation');
        const msg = await repo.findMessage(deps.db, job.orgId, messageId);
        if (!msg) throw new AppError('not_found', 'message not found');
        if (msg.status === 'sent') return;
        if (msg.status === 'not_sent' && msg.last_error === ERASED_ERROR) return;
        const scope = { db: deps.db, orgId: job.orgId, config: deps.config };
        const item = { kind: msg.kind, contactId: msg.contact_id };
        // The contact may have unsubscribed since the message was queued, and a status message
        // held up by retries must not arrive after its case's closing message.
        const dropped =
          (await suppressedOf(scope, [item])).size > 0
            ? UNSUBSCRIBED_ERROR
            : msg.kind === 'status' &&
                msg.case_id &&
                (await repo.hasClosingMessage(deps.db, job.orgId, msg.case_id))
              ? SUPERSEDED_ERROR
              : undefined;
        if (dropped) {
          await repo.updateMessage(deps.db, job.orgId, msg.id, {
            status: 'not_sent',
            last_error: dropped,
          });
          return;
        }
        const unsubscribeUrl = await unsubscribeLinks(scope)(item);
        if (!deps.mailer) {
          await repo.updateMessage(deps.db, job.orgId, msg.id, {
            status: 'not_sent',
            last_error: 'SMTP_URL is not configured',
          });
          return;
        }
        // A reply from the case page answers the case's last mail to the contact, so the client's
        // mail program shows one conversation (our own Message-ID threads their answer back).
        const inReplyTo =
          msg.kind === 'reply' && msg.case_id
            ? await repo.lastSentOfCase(deps.db, job.orgId, msg.case_id, msg.to_address, msg.id)
            : undefined;
        try {
          const attachments = await attachmentsOf(deps, {
            orgId: job.orgId,
            messageId: msg.id,
            kind: msg.kind,
            language: msg.language,
            dedupeKey: msg.dedupe_key,
          });
          await deps.mailer.send({
            attachments,
            inReplyTo,
            to: msg.to_address,
            subject: msg.subject,
            text: msg.body_text,
            messageId: `<${msg.id}@clientloop>`,
            headers: {
              'X-ClientLoop-Message': msg.id,
              ...(unsubscribeUrl ? listUnsubscribeHeaders(unsubscribeUrl) : {}),
            },
          });
        } catch (err) {
          const final = job.attempt >= SEND_MAX_ATTEMPTS;
          await repo.updateMessage(deps.db, job.orgId, msg.id, {
            attempts: job.attempt,
            last_error: err instanceof Error ? err.message.slice(0, 500) : String(err),
            status: final ? 'failed' : 'queued',
          });
          throw err;
        }
        const at = deps.clock.now().toISOString();
        // On disk before the job counts as done, its fsync off the event loop (durableWrite).
        await durableWrite(deps.db, async (trx) => {
          await repo.updateMessage(trx, job.orgId!, msg.id, {
            status: 'sent',
            sent_at: at,
            attempts: job.attempt,
            last_error: null,
            provider_message_id: `<${msg.id}@clientloop>`,
            // Secret links (reset, personal survey and pulse links; their hash alone is kept):
            // the sent copy drops them (secret-links.ts).
            ...(msg.kind === 'password_reset'
              ? { body_text: REDACTED }
              : carriesSecretLink(msg.kind)
                ? { body_text: sentCopyOf(msg.kind, msg.body_text) }
                : {}),
          });
          const ctx = {
            db: trx,
            orgId: job.orgId!,
            clock: deps.clock,
            jobs: deps.jobs,
            config: deps.config,
          };
          await messageSent.emit(ctx, {
            messageId: msg.id,
            kind: msg.kind,
            feedbackId: msg.feedback_id,
            caseId: msg.case_id,
            sentAt: at,
          });
        });
        job.log.info({ messageId: msg.id, kind: msg.kind }, 'message sent');
      },
    }),
  ];
}
