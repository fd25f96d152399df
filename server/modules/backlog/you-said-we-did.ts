// "You said, we did" (issue 18, SPEC C10): when an initiative becomes done, every contact whose
// linked feedback it answers gets ONE message in their language through the outbox, in the same
// transaction, quoting the initiative's public note and the contact's own words (their latest
// linked record with text). Once per (initiative, contact) ever: initiative_notices' primary key,
// and the outbox's dedupe key on the same pair — re-opening and finishing again sends nothing.
// An unsubscribed contact gets nothing (the kind is suppressible: messaging/unsubscribe.ts), and
// is not marked told. The webhook `initiative.done` goes out on every move to done.
import type { Ctx } from '../../context.ts';
import type { FeedbackTable, InitiativeNoticesTable, InitiativesTable } from '../../db/types.ts';
import { statusUrl } from '../../lib/public-urls.ts';
import { findContact } from '../clients/index.ts';
import { findFeedbackRecords } from '../feedback/index.ts';
import { queueMessage } from '../messaging/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import * as repo from './backlog.repo.ts';

/** A quote longer than this is cut at a word boundary with an ellipsis. */
const QUOTE_MAX = 600;

export function quoteOf(text: string): string {
  const clean = text.trim();
  if (clean.length <= QUOTE_MAX) return clean;
  const cut = clean.slice(0, QUOTE_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_MAX - 40)).trimEnd()}…`;
}

/** Per contact, the record to quote: the latest linked one with text (else the latest). */
function recordPerContact(records: readonly FeedbackTable[]): Map<string, FeedbackTable> {
  const out = new Map<string, FeedbackTable>();
  const sorted = [...records].sort((a, b) => a.received_at.localeCompare(b.received_at));
  for (const r of sorted) {
    if (!r.contact_id) continue;
    const had = out.get(r.contact_id);
    if (!had || r.text || !had.text) out.set(r.contact_id, r);
  }
  return out;
}

/** Runs in the transaction that moved the initiative to done; returns the contacts told now. */
export async function onInitiativeDone(ctx: Ctx, initiative: InitiativesTable): Promise<number> {
  const links = await repo.links(ctx.db, ctx.orgId, 'initiative_feedback', [initiative.id]);
  const feedbackIds = links.get(initiative.id) ?? [];
  const records = await findFeedbackRecords(ctx, feedbackIds);
  const already = await repo.noticedContacts(ctx.db, ctx.orgId, initiative.id);
  const notices: InitiativeNoticesTable[] = [];
  const at = ctx.clock.now().toISOString();
  for (const [contactId, record] of recordPerContact(records)) {
    if (already.has(contactId)) continue;
    const contact = await findContact(ctx, contactId);
    if (!contact?.email) continue;
    const id = await queueMessage(ctx, {
      kind: 'you_said_we_did',
      to: contact.email,
      language: contact.language,
      vars: {
        name: contact.name,
        ref: record.public_ref,
        quote: quoteOf(record.text ?? ''),
        title: initiative.title,
        note: initiative.public_note ?? '',
        statusUrl: statusUrl(ctx.config, record.public_ref),
      },
      dedupeKey: `you_said_we_did:${initiative.id}:${contactId}`,
      feedbackId: record.id,
      contactId,
      clientId: contact.client_id,
    });
    if (id)
      notices.push({
        org_id: ctx.orgId,
        initiative_id: initiative.id,
        contact_id: contactId,
        feedback_id: record.id,
        created_at: at,
      });
  }
  await repo.insertNotices(ctx.db, notices);
  await emitWebhookEvent(ctx, 'initiative.done', {
    initiative: {
      id: initiative.id,
      title: initiative.title,
      stage: initiative.stage,
      status: initiative.status,
      dueDate: initiative.due_date,
      doneAt: initiative.done_at,
      publicNote: initiative.public_note,
    },
    feedbackIds,
    contactsNotified: notices.length,
  });
  return notices.length;
}
