// Client status messages (issue 15): when a case moves to an intermediate step (in progress,
// waiting for the client) its contact hears about it through the `status` template.
//  - At most one status message per case per 4 hours. A change within 4 hours of the last status
//    message is not lost: a job at the end of that window sends the status the case has THEN
//    (the latest, never a stale one), and sends nothing if the case is back where the client was
//    last told, or has moved on to resolved. So two changes within 4 hours send one message
//    (plus at most one more once the window ends, only if the client would otherwise be left
//    with a wrong status).
//  - Never after the closing message: once a case has been resolved its contact gets no more
//    status messages, even when the case is reopened (a new resolution sends a new closing
//    message, as before). The send job also drops a status message still queued when a closing
//    message of its case exists (messaging.jobs.ts).
//  - Never to a contact on the unsubscribe list (the outbox skips it: messaging/unsubscribe.ts).
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { CasesTable, CaseStatus } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { t } from '../../i18n/catalogue.ts';
import { defineJob } from '../../jobs/queue.ts';
import { statusUrl } from '../../lib/public-urls.ts';
import { findContact } from '../clients/index.ts';
import { queueMessage } from '../messaging/index.ts';
import * as repo from './cases.repo.ts';

export const STATUS_MESSAGE_GAP_MS = 4 * 60 * 60 * 1000;
export const STATUS_MESSAGE_JOB = 'cases.status.message';
const INTERMEDIATE: ReadonlySet<CaseStatus> = new Set(['in_progress', 'waiting_client']);

type StatusCtx = Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>;

/**
 * In the transaction of a status change (or in the job at the end of a window): tells the
 * client now, or makes sure a job will look again when the 4-hour window of the last message ends.
 */
export async function requestStatusMessage(tx: StatusCtx, c: CasesTable): Promise<void> {
  if (!INTERMEDIATE.has(c.status)) return;
  const notice = await repo.findStatusNotice(tx.db, tx.orgId, c.id);
  if (notice?.status === c.status) return; // the client knows this already
  const now = tx.clock.now();
  const windowEnd = notice ? Date.parse(notice.notified_at) + STATUS_MESSAGE_GAP_MS : 0;
  if (now.getTime() < windowEnd) {
    const runAt = new Date(windowEnd);
    await tx.jobs.enqueue(tx.db, {
      name: STATUS_MESSAGE_JOB,
      orgId: tx.orgId,
      payload: { caseId: c.id },
      runAt,
      // One job per case and window, however many changes fall into it.
      dedupeKey: `case-status:${c.id}:${runAt.toISOString()}`,
    });
    return;
  }
  if (await repo.wasEverResolved(tx.db, tx.orgId, c.id)) return;
  const contact = c.contact_id ? await findContact(tx, c.contact_id) : undefined;
  if (!contact?.email) return;
  const at = now.toISOString();
  const id = await queueMessage(tx, {
    kind: 'status',
    to: contact.email,
    language: contact.language,
    vars: {
      name: contact.name,
      ref: c.public_ref,
      statusUrl: statusUrl(tx.config, c.public_ref),
      status: t(contact.language, `status.state.${c.status}`),
    },
    caseId: c.id,
    feedbackId: c.feedback_id,
    contactId: contact.id,
    clientId: c.client_id,
    dedupeKey: `status:${c.id}:${at}`,
  });
  // Not stored: the contact unsubscribed. Nothing was said, so the window does not start.
  if (!id) return;
  await repo.saveStatusNotice(tx.db, {
    case_id: c.id,
    org_id: tx.orgId,
    status: c.status,
    notified_at: at,
  });
}

export function statusMessageJobs(deps: Deps) {
  return [
    defineJob({
      name: STATUS_MESSAGE_JOB,
      payload: z.object({ caseId: z.uuid() }),
      handler: async (job, { caseId }) => {
        if (!job.orgId) return;
        const orgId = job.orgId;
        await deps.db.transaction().execute(async (trx) => {
          const c = await repo.findCase(trx, orgId, caseId);
          if (!c) return;
          const tx = { db: trx, orgId, clock: deps.clock, jobs: deps.jobs, config: deps.config };
          await requestStatusMessage(tx, c);
        });
      },
    }),
  ];
}
