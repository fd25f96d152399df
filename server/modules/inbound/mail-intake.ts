// What one accepted e-mail becomes in one organisation: a reply on the case it answers, feedback
// from a known contact, or a quarantined message from a stranger. Robots and empty mail are
// dropped. Logs carry the organisation and the outcome only — never addresses or text.
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { InboundMessagesTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { sha256 } from '../../lib/crypto.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../lib/permissions.ts';
import { feedbackIn } from '../../../shared/api/feedback.ts';
import { findCaseByRef, recordClientReply } from '../cases/index.ts';
import { findContactByEmail } from '../clients/index.ts';
import { recordFeedback } from '../feedback/index.ts';
import * as repo from './inbound.repo.ts';
import {
  isAutomatedMail,
  publicRefsIn,
  sentMessageIdsIn,
  type HeaderLookup,
} from './mail-rules.ts';
import { htmlToText, stripQuotedReply } from './reply-text.ts';
import { findOwnMessage } from '../messaging/index.ts';

export interface InboundMail {
  /** SMTP MAIL FROM; '' for the null sender of bounces. */
  envelopeFrom: string;
  from?: { address: string; name: string };
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  date?: Date;
  headers: HeaderLookup;
}

export type IntakeOutcome =
  'threaded' | 'feedback' | 'quarantined' | 'duplicate' | 'dropped_automated' | 'dropped_empty';

const MAX_TEXT = 20_000;

/** PostgreSQL text refuses NUL characters; mail may carry them. Cut first: bodies run to 10 MiB. */
const clean = (s: string, max: number) =>
  s
    .slice(0, max * 2)
    .replace(/\u0000/g, '')
    .slice(0, max);

function systemCtx(deps: Deps, orgId: string): Ctx {
  const actor: Actor = { type: 'system', id: null, orgId, role: 'manager' };
  return {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    jobs: deps.jobs,
    config: deps.config,
    orgId,
    actor,
  };
}

/** The client's own words: the text part (else the HTML as text) above the quoted history. */
export function replyTextOf(mail: Pick<InboundMail, 'text' | 'html'>): string {
  // Both routines read a bounded prefix of the body only (issue 19: one mail froze the instance).
  const body = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html) : '';
  return clean(stripQuotedReply(body), MAX_TEXT);
}

/** A stable source id, so a re-delivered message is recognised by the feedback intake. */
export function sourceIdOf(mail: InboundMail, fromEmail: string, text: string): string {
  if (mail.messageId && mail.messageId.length <= 190) return `mail:${mail.messageId}`;
  return `mail:sha256:${sha256([mail.messageId ?? '', fromEmail, mail.date?.toISOString() ?? '', mail.subject, text].join('\n'))}`;
}

/**
 * Which case of this organisation a mail answers, and whether it may be threaded there (issue 19):
 * only when its headers (In-Reply-To / References) name a message we sent for the case **and**
 * it comes from the address we sent that message to. A reference in the subject alone, or a
 * stranger answering our message, goes to quarantine for a person to decide — a forged reply
 * must never write into someone's case.
 */
async function caseRepliedTo(
  ctx: Ctx,
  mail: InboundMail,
  fromEmail: string,
): Promise<{ caseId: string; trusted: boolean } | undefined> {
  for (const id of sentMessageIdsIn(mail.inReplyTo, mail.references)) {
    const sent = await findOwnMessage(ctx, id);
    if (sent?.case_id)
      return { caseId: sent.case_id, trusted: sent.to_address.toLowerCase() === fromEmail };
  }
  for (const ref of publicRefsIn(mail.subject)) {
    const kase = await findCaseByRef(ctx.db, ref);
    if (kase?.org_id === ctx.orgId) return { caseId: kase.id, trusted: false };
  }
  return undefined;
}

function inboundRow(
  ctx: Ctx,
  mail: InboundMail,
  fromEmail: string,
  text: string,
  status: InboundMessagesTable['status'],
): InboundMessagesTable {
  const now = ctx.clock.now();
  return {
    id: newId(now.getTime()),
    org_id: ctx.orgId,
    from_address: clean(fromEmail, 320),
    from_name: mail.from?.name ? clean(mail.from.name.trim(), 300) || null : null,
    subject: clean(mail.subject, 1000),
    text,
    message_id: mail.messageId ? clean(mail.messageId, 1000) : null,
    status,
    feedback_id: null,
    case_id: null,
    received_at: receivedAtOf(mail, now),
    created_at: now.toISOString(),
    decided_at: null,
    decided_by: null,
  };
}

function receivedAtOf(mail: InboundMail, now: Date): string {
  return mail.date && !Number.isNaN(mail.date.getTime())
    ? mail.date.toISOString()
    : now.toISOString();
}

async function quarantine(ctx: Ctx, row: InboundMessagesTable): Promise<IntakeOutcome> {
  return (await repo.insertInboundMessage(ctx.db, row)) ? 'quarantined' : 'duplicate';
}

export async function takeInMail(
  deps: Deps,
  orgId: string,
  mail: InboundMail,
): Promise<IntakeOutcome> {
  const outcome = await decide(systemCtx(deps, orgId), mail);
  deps.log.info({ orgId, outcome }, 'inbound mail');
  return outcome;
}

async function decide(ctx: Ctx, mail: InboundMail): Promise<IntakeOutcome> {
  const fromEmail = (mail.from?.address || mail.envelopeFrom).trim().toLowerCase();
  if (isAutomatedMail(mail.headers, mail.envelopeFrom, fromEmail)) return 'dropped_automated';
  const text = replyTextOf(mail);
  if (!text) return 'dropped_empty';
  if (mail.messageId && (await repo.findInboundByMessageId(ctx.db, ctx.orgId, mail.messageId)))
    return 'duplicate';

  const replied = await caseRepliedTo(ctx, mail, fromEmail);
  if (replied && !replied.trusted)
    return quarantine(ctx, inboundRow(ctx, mail, fromEmail, text, 'quarantined'));
  if (replied) {
    const { caseId } = replied;
    // The row keeps the Message-ID, so a second delivery of the same reply is not a second event.
    const threaded = await inTransaction(ctx, async (tx) => {
      const row = { ...inboundRow(tx, mail, fromEmail, text, 'threaded'), case_id: caseId };
      if (!(await repo.insertInboundMessage(tx.db, row))) return 'duplicate' as const;
      await recordClientReply(tx, caseId, { body: text, fromEmail });
      return 'threaded' as const;
    }).catch((err: unknown) => {
      if (isUniqueViolation(err)) return 'duplicate' as const;
      throw err;
    });
    return threaded;
  }
  // A reply to a message without a case is new feedback like any other mail.

  const contact = fromEmail ? await findContactByEmail(ctx, fromEmail) : undefined;
  if (!contact) return quarantine(ctx, inboundRow(ctx, mail, fromEmail, text, 'quarantined'));
  const input = feedbackIn.safeParse({
    channel: 'email',
    text,
    contact: { email: fromEmail },
    receivedAt: receivedAtOf(mail, ctx.clock.now()),
    sourceId: sourceIdOf(mail, fromEmail, text),
  });
  // A known sender whose mail still does not fit the intake (odd address) waits for a person.
  if (!input.success) return quarantine(ctx, inboundRow(ctx, mail, fromEmail, text, 'quarantined'));
  const result = await recordFeedback(ctx, input.data, {
    raw: { subject: mail.subject, from: fromEmail, messageId: mail.messageId ?? null },
  });
  return result.created ? 'feedback' : 'duplicate';
}

/** Mail the parser could not read is kept for a person to look at rather than lost. */
export async function quarantineUnreadable(
  deps: Deps,
  orgId: string,
  envelopeFrom: string,
  raw: Buffer,
): Promise<void> {
  const ctx = systemCtx(deps, orgId);
  const head = raw.subarray(0, 64 * 1024).toString('utf8');
  const messageId = /^message-id:\s*(<[^>\r\n]{1,900}>)/im.exec(head)?.[1];
  const row = inboundRow(
    ctx,
    { envelopeFrom, subject: '', headers: new Map(), messageId },
    envelopeFrom.toLowerCase(),
    clean(raw.subarray(0, MAX_TEXT * 8).toString('utf8'), MAX_TEXT),
    'quarantined',
  );
  const outcome = await quarantine(ctx, row);
  deps.log.warn({ orgId, outcome }, 'inbound mail could not be parsed; quarantined');
}
