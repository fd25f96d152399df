// What follows a new record, inside the intake transaction: a case when a rule asks for one,
// the acknowledgement to the contact, and the feedback.created webhook event.
import type { Ctx } from '../../context.ts';
import type { ContactsTable, FeedbackTable } from '../../db/types.ts';
import { acknowledgeCase, caseRuleFor, openCaseForFeedback } from '../cases/index.ts';
import { queueMessage } from '../messaging/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { enqueueTextAnalysis } from '../text/index.ts';
import * as repo from './feedback.repo.ts';

export async function afterFeedbackRecorded(
  tx: Ctx,
  row: FeedbackTable,
  contact: ContactsTable | undefined,
  opts: { openCases: boolean } = { openCases: true },
): Promise<string | undefined> {
  const rule = opts.openCases ? caseRuleFor(row.score_type && row.score_value !== null ? { type: row.score_type, value: row.score_value } : null, row.text) : null;
  let caseId: string | undefined;
  if (rule) {
    caseId = (await openCaseForFeedback(tx, row, rule)).id;
    await repo.setFeedbackCase(tx.db, tx.orgId, row.id, caseId);
  }
  if (contact?.email) {
    await queueMessage(tx, {
      kind: 'ack',
      to: contact.email,
      language: contact.language,
      vars: { name: contact.name, ref: row.public_ref, statusUrl: statusUrlOf(tx.config.http.publicUrl, row.public_ref) },
      feedbackId: row.id,
      caseId: caseId ?? null,
      contactId: contact.id,
      clientId: row.client_id,
      dedupeKey: `ack:${row.id}`,
    });
  }
  await enqueueTextAnalysis(tx, row);
  await emitWebhookEvent(tx, 'feedback.created', {
    id: row.id,
    publicRef: row.public_ref,
    channel: row.channel,
    clientId: row.client_id,
    contactId: row.contact_id,
    stage: row.stage,
    score: row.score_type ? { type: row.score_type, value: row.score_value } : null,
    caseId: caseId ?? null,
    receivedAt: row.received_at,
  });
  return caseId;
}

export function statusUrlOf(publicUrl: string, publicRef: string): string {
  return `${publicUrl}/status/${publicRef}`;
}

/** Called by the messaging job when the mail server accepted an acknowledgement. */
export async function onAcknowledgementSent(tx: Pick<Ctx, 'db' | 'orgId' | 'clock' | 'jobs' | 'config'>, feedbackId: string, at: string): Promise<void> {
  await repo.markAcknowledged(tx.db, tx.orgId, feedbackId, at);
  const row = await repo.findFeedback(tx.db, tx.orgId, feedbackId);
  if (row?.case_id) await acknowledgeCase(tx, row.case_id);
}
