// Mails that carry a secret link (issue 19): a personal survey link answers as the client, a
// pulse link as the employee, a reset link takes over the account. The outbox must keep the link
// until the mail is sent; after that the stored copy loses it (migration 0042 did the same to
// mails sent before), and the messages API never shows it — people who may read the outbox
// (viewers too) must not answer or reset through it.
import type { MessageKind } from '../../../shared/domain/vocabulary.ts';

const LINKS: Partial<Record<MessageKind, RegExp>> = {
  survey_invite: /(\/s\/)(?!o\/)[A-Za-z0-9_-]{20,}/g,
  pulse_invite: /(\/p\/)(?!t\/)[A-Za-z0-9_-]{20,}/g,
  password_reset: /(#token=)[A-Za-z0-9_-]+/g,
};

export const LINK_REMOVED = '(link removed after sending)';
const LINK_HIDDEN = '(link hidden)';

export function carriesSecretLink(kind: MessageKind): boolean {
  return kind in LINKS;
}

/** The body with the kind's secret links replaced by `replacement`. */
function withoutLinks(kind: MessageKind, body: string, replacement: string): string {
  const re = LINKS[kind];
  return re ? body.replace(re, `$1${replacement}`) : body;
}

/** What the outbox keeps of a sent mail. */
export const sentCopyOf = (kind: MessageKind, body: string) =>
  withoutLinks(kind, body, LINK_REMOVED);

/** What the messages API shows of a mail, sent or not. */
export const shownCopyOf = (kind: MessageKind, body: string) =>
  withoutLinks(kind, body, LINK_HIDDEN);
