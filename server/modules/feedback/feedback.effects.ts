// What follows new records, inside the intake transaction: a case when a rule asks for one, the
// acknowledgement to the contact, and the feedback.created webhook event. Set-based: a group of
// records costs one outbox write and one webhook write, whatever its size. Text analysis needs
// nothing here: the text module's sweep finds records that are not analysed yet.
import type { Ctx } from '../../context.ts';
import type { ContactsTable, FeedbackTable } from '../../db/types.ts';
import {
  acknowledgeCase,
  caseRuleFor,
  openCasesForFeedback,
  type CaseRequest,
} from '../cases/index.ts';
import {
  queueMessages,
  type MessageSent,
  type QueueMessageInput,
  type SentCtx,
} from '../messaging/index.ts';
import { emitWebhookEvents } from '../webhooks/index.ts';
import { ensureStageKeys } from '../stages/index.ts';
import * as repo from './feedback.repo.ts';
import { statusUrl } from '../../lib/public-urls.ts';

export interface RecordedFeedback {
  /** The caller's context on the shared transaction (case events name its actor). */
  ctx: Ctx;
  row: FeedbackTable;
  /** The contact to acknowledge, if any. */
  contact: ContactsTable | undefined;
  openCases: boolean;
  /** The owner's mail of the case opened for it, queued with the group's acknowledgements. */
  ownerMail?: QueueMessageInput[];
}

/**
 * Opens the cases the rules ask for and sets `row.case_id`; runs before the rows are inserted.
 * Set-based: the group's cases are opened together (cases' openCasesForFeedback).
 */
export async function openRuleCases(records: readonly RecordedFeedback[]): Promise<void> {
  const requests: CaseRequest[] = [];
  const asking: RecordedFeedback[] = [];
  for (const record of records) {
    if (!record.openCases) continue;
    const { ctx, row } = record;
    const rule = caseRuleFor(
      row.score_type && row.score_value !== null
        ? { type: row.score_type, value: row.score_value }
        : null,
      row.text,
    );
    if (!rule) continue;
    requests.push({ ctx, feedback: row, rule });
    asking.push(record);
  }
  const opened = await openCasesForFeedback(requests);
  opened.forEach(({ row, mails }, i) => {
    asking[i]!.row.case_id = row.id;
    asking[i]!.ownerMail = mails;
  });
}

/** Acknowledgements and webhook events of stored records, all of one organisation. */
export async function announceNewFeedback(records: readonly RecordedFeedback[]): Promise<void> {
  if (records.length === 0) return;
  const ctx = records[0]!.ctx;
  // Stage keys never seen before join the registry: one query for the group (ADR 012).
  await ensureStageKeys(
    ctx,
    records.map((r) => r.row.stage),
  );
  // Case owners' mails first (routing), then the acknowledgements: one outbox write for all.
  const acks: QueueMessageInput[] = records.flatMap((r) => r.ownerMail ?? []);
  for (const { row, contact } of records) {
    if (!contact?.email) continue;
    acks.push({
      kind: 'ack',
      to: contact.email,
      language: contact.language,
      vars: {
        name: contact.name,
        ref: row.public_ref,
        statusUrl: statusUrl(ctx.config, row.public_ref),
      },
      feedbackId: row.id,
      caseId: row.case_id,
      contactId: contact.id,
      clientId: row.client_id,
      dedupeKey: `ack:${row.id}`,
    });
  }
  await queueMessages(ctx, acks);
  await emitWebhookEvents(
    ctx,
    'feedback.created',
    records.map(({ row }) => ({
      id: row.id,
      publicRef: row.public_ref,
      channel: row.channel,
      clientId: row.client_id,
      contactId: row.contact_id,
      stage: row.stage,
      score: row.score_type ? { type: row.score_type, value: row.score_value } : null,
      caseId: row.case_id,
      receivedAt: row.received_at,
    })),
  );
}

/** Subscribed to messaging's `messageSent`: the mail server accepted an acknowledgement. */
export async function onMessageSent(tx: SentCtx, sent: MessageSent): Promise<void> {
  if (sent.kind !== 'ack' || !sent.feedbackId) return;
  const feedbackId = sent.feedbackId;
  await repo.markAcknowledged(tx.db, tx.orgId, feedbackId, sent.sentAt);
  const row = await repo.findFeedback(tx.db, tx.orgId, feedbackId);
  if (row?.case_id) await acknowledgeCase(tx, row.case_id);
}
