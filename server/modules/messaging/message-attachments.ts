// Files a message carries, made when it is sent rather than stored with it: the outbox keeps the
// text only, and the module that owns a kind of message (reports: the monthly report's PDF)
// registers how to make its files from its index.ts (ADR 008: messaging never imports it).
// A failure to make them fails the send like an SMTP error, so the job retries it.
import type { Deps } from '../../deps.ts';
import type { MessageKind } from '../../db/types.ts';
import type { MailAttachment } from '../../lib/mailer.ts';

export interface AttachmentRequest {
  orgId: string;
  messageId: string;
  kind: MessageKind;
  language: 'ru' | 'en';
  /** The key the owner queued the message under, after the organisation's id and a colon. */
  dedupeKey: string;
}

type Maker = (deps: Deps, message: AttachmentRequest) => Promise<MailAttachment[]>;

const makers = new Map<MessageKind, Maker>();

/** The owner of a message kind says how its files are made (one maker per kind). */
export function attachFilesTo(kind: MessageKind, maker: Maker): void {
  makers.set(kind, maker);
}

export async function attachmentsOf(
  deps: Deps,
  message: AttachmentRequest,
): Promise<MailAttachment[]> {
  const maker = makers.get(message.kind);
  return maker ? maker(deps, message) : [];
}
